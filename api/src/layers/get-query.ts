/** GET /api/{layer}/{ref} takes only `crs` (declared in the contract). */
export { getQuery } from '../contract/layers';
