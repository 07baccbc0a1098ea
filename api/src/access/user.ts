// Who is asking: the roles and the signed-in account of a request. A module of its own so
// that auth (which signs accounts in) and accounts (which stores them) both use it without
// importing each other.

import type { Role } from '../contract/enums';
export { ROLES, STAFF_ROLES, type Role } from '../contract/enums';

/** The signed-in account of a request. `status` is 'pending' for owners not yet approved. */
export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'pending';
}

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate` when the request carries a valid session or API token. */
      user?: AuthUser;
    }
  }
}
