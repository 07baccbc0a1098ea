// The editor's calls: sign-in and the write API, always in SWEREF 99 TM (crs=3006), through
// the pages' one HTTP client (shared/api.ts).
import type { Feature, FeatureCollection } from 'geojson';
import type { Account, SessionUser, WritableLayer } from '@etablera/contract';
import { ApiError, call } from '../shared/api';

export { ApiError };
export type User = SessionUser;

export async function currentUser(): Promise<User | null> {
  try {
    return (await call<{ user: User }>('GET', '/api/auth/me')).data.user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const signIn = async (email: string, password: string) => (await call<{ user: User }>('POST', '/api/auth/login', { body: { email, password } })).data.user;
export const signOut = () => call('POST', '/api/auth/logout');
export const signUp = (body: Record<string, string | null>) => call('POST', '/api/auth/signup', { body });

/** A layer in 3006: an owner's own listings come from /api/my/premises. */
export async function loadLayer(layer: string, mine = false): Promise<FeatureCollection> {
  const url = mine ? '/api/my/premises?crs=3006' : `/api/${layer}?crs=3006`;
  return (await call<FeatureCollection>('GET', url)).data;
}

export async function getFeature(layer: WritableLayer, ref: string) {
  return call<Feature>('GET', `/api/${layer}/${encodeURIComponent(ref)}?crs=3006`);
}

export async function createFeature(layer: WritableLayer, feature: Feature) {
  return call<Feature>('POST', `/api/${layer}?crs=3006`, { body: feature });
}

export async function updateFeature(layer: WritableLayer, ref: string, etag: string, feature: Feature) {
  return call<Feature>('PATCH', `/api/${layer}/${encodeURIComponent(ref)}?crs=3006`, { body: feature, headers: { 'If-Match': etag } });
}

export type PendingAccount = Pick<Account, 'id' | 'email' | 'name' | 'organisation'>;

export async function pendingOwners(): Promise<PendingAccount[]> {
  return (await call<{ accounts: Account[] }>('GET', '/api/accounts?role=owner&status=pending')).data.accounts;
}

export const approveAccount = (id: number) => call('POST', `/api/accounts/${id}/approve`);

export async function confirmPremises(ref: string) {
  return call<Feature>('POST', `/api/premises/${encodeURIComponent(ref)}/confirm?crs=3006`);
}
