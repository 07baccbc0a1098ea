import { z } from 'zod';
import { commonQuery } from './read-query';

/** GET /api/{layer}/{ref} takes only `crs`. */
export const getQuery = z.strictObject({ crs: commonQuery.crs });
