// The editor's calls: sign-in and the write API, always in SWEREF 99 TM (crs=3006).
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerName, Role } from './fields';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'pending';
}

/** A refused call with the API's `{ code, message }` and the rest of its body (412: current). */
export class WriteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) throw new WriteError(res.status, String(json.code ?? 'http_error'), String(json.message ?? res.statusText), json);
  return { data: json as T, etag: res.headers.get('ETag') };
}

export async function currentUser(): Promise<User | null> {
  try {
    return (await call<{ user: User }>('GET', '/api/auth/me')).data.user;
  } catch (err) {
    if (err instanceof WriteError && err.status === 401) return null;
    throw err;
  }
}

export const signIn = async (email: string, password: string) => (await call<{ user: User }>('POST', '/api/auth/login', { email, password })).data.user;
export const signOut = () => call('POST', '/api/auth/logout');
export const signUp = (body: Record<string, string | null>) => call('POST', '/api/auth/signup', body);

/** A layer in 3006: an owner's own listings come from /api/my/premises. */
export async function loadLayer(layer: string, mine = false): Promise<FeatureCollection> {
  const url = mine ? '/api/my/premises?crs=3006' : `/api/${layer}?crs=3006`;
  return (await call<FeatureCollection>('GET', url)).data;
}

export async function getFeature(layer: LayerName, ref: string) {
  return call<Feature>('GET', `/api/${layer}/${encodeURIComponent(ref)}?crs=3006`);
}

export async function createFeature(layer: LayerName, feature: Feature) {
  return call<Feature>('POST', `/api/${layer}?crs=3006`, feature);
}

export async function updateFeature(layer: LayerName, ref: string, etag: string, feature: Feature) {
  return call<Feature>('PATCH', `/api/${layer}/${encodeURIComponent(ref)}?crs=3006`, feature, { 'If-Match': etag });
}

export interface PendingAccount {
  id: number;
  email: string;
  name: string;
  organisation: string | null;
}

export async function pendingOwners(): Promise<PendingAccount[]> {
  return (await call<{ accounts: PendingAccount[] }>('GET', '/api/accounts?role=owner&status=pending')).data.accounts;
}

export const approveAccount = (id: number) => call('POST', `/api/accounts/${id}/approve`);

export async function confirmPremises(ref: string) {
  return call<Feature>('POST', `/api/premises/${encodeURIComponent(ref)}/confirm?crs=3006`);
}
