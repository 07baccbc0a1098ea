// Who is asking: the roles and the signed-in account of a request. A module of its own so
// that auth (which signs accounts in) and accounts (which stores them) both use it without
// importing each other.

export type Role = 'admin' | 'business' | 'planner' | 'owner';
export const ROLES = ['admin', 'business', 'planner', 'owner'] as const satisfies readonly Role[];
/** The business unit's own staff (not property owners). */
export const STAFF_ROLES: Role[] = ['admin', 'business', 'planner'];

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
