/**
 * The one HTTP client of every page: JSON in and out, same-origin credentials, errors as
 * ApiError with the API's `{ code, message }` (and the rest of its body: a 412 carries the
 * current record). Types come from the contract.
 *
 * Example: `const areas = await fetchLayer('areas');`
 */
import type { FeatureCollection } from 'geojson';
import { etagOf, type ClientConfig, type MatchRequestInput, type MatchResponse, type TileJson, type UseCode } from '@etablera/contract';

/** A failed API call: HTTP status (0: no answer) plus the API's error code, message and body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** 'no-store' where a stale answer would mislead (staff pages after an edit). */
  cache?: RequestCache;
  credentials?: RequestCredentials;
}

/** The answer's JSON, or undefined when it is empty or not JSON. */
async function jsonOf(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // not JSON: an error keeps its status line
  }
}

/** fetch, with a network failure or a non-2xx answer thrown as ApiError. */
async function send(method: string, url: string, o: CallOptions): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: o.credentials ?? 'same-origin',
      cache: o.cache,
      signal: o.signal,
      headers: { Accept: 'application/json', ...(o.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...o.headers },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', `${url}: ${(err as Error).message}`);
  }
  if (!res.ok) {
    const data = await jsonOf(res);
    const body = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    throw new ApiError(res.status, String(body.code ?? 'http_error'), String(body.message ?? `${method} ${url}: ${res.status}`), body);
  }
  return res;
}

/** One request; the answer's JSON (undefined when empty or not JSON) and its ETag. */
export async function call<T>(method: string, url: string, o: CallOptions = {}): Promise<{ data: T; etag: string | null }> {
  const res = await send(method, url, o);
  return { data: (await jsonOf(res)) as T, etag: res.headers.get('ETag') };
}

/** A file answer (exports): its bytes and the file name from Content-Disposition, or `fallback`. */
export async function callFile(method: string, url: string, body: unknown, fallback: string): Promise<{ blob: Blob; name: string }> {
  const res = await send(method, url, { body });
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  return { blob: await res.blob(), name };
}

/**
 * `call` for pages that want the data only, never from the HTTP cache (staff pages re-read
 * after every edit); `version` becomes If-Match by the contract's ETag formula.
 * Example: `await api<CaseDetail>('POST', `/api/cases/${id}/stage`, { stage }, c.version)`.
 */
export async function api<T>(method: string, url: string, body?: unknown, version?: number): Promise<T> {
  const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': etagOf(version) };
  return (await call<T>(method, url, { body, headers, cache: 'no-store' })).data;
}

/** GET (or `init.method`) + JSON. */
export async function fetchJson<T>(url: string, init: CallOptions & { method?: string } = {}): Promise<T> {
  return (await call<T>(init.method ?? 'GET', url, init)).data;
}

/** A layer of the read API as GeoJSON (EPSG:4326). Example: `fetchLayer('stops', { mode: 'tram' })`. */
export function fetchLayer(layer: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<FeatureCollection> {
  const qs = new URLSearchParams(params).toString();
  return fetchJson<FeatureCollection>(`/api/${layer}${qs ? `?${qs}` : ''}`, { signal });
}

/** POST /api/match. */
export function postMatch(request: MatchRequestInput, signal?: AbortSignal): Promise<MatchResponse> {
  return fetchJson<MatchResponse>('/api/match', { method: 'POST', body: request, signal });
}

/** `/config.json`; a missing or broken config means "no external basemap", never a failure. */
export async function fetchConfig(): Promise<ClientConfig> {
  try {
    return await fetchJson<ClientConfig>('/config.json');
  } catch {
    return { basemapStyleUrl: null };
  }
}

/** Boverket's use codes and colours, from the plans TileJSON. */
export async function fetchUseCodes(): Promise<UseCode[]> {
  const doc = await fetchJson<TileJson>('/tiles/plans.json');
  return doc.useCodes ?? [];
}

/** `https://host/tiles/{layer}/{z}/{x}/{y}.mvt` for a MapLibre vector source. */
export function tileUrl(layer: string): string {
  return `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`;
}
