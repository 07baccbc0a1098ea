/**
 * The API client shared by every page: typed fetches of the read API, matching and tiles
 * metadata. Errors come back as ApiError with the API's `{ code, message }`.
 *
 * Example: `const areas = await fetchLayer('areas');`
 */
import type { FeatureCollection } from 'geojson';
import type { ClientConfig, MatchRequestInput, MatchResponse, UseCode } from '@etablera/contract';

/** A failed API call: HTTP status plus the API's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** fetch + JSON, turning non-2xx answers into ApiError (the body's message when it has one). */
export async function fetchJson<T>(url: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', `${url}: ${(err as Error).message}`);
  }
  if (!res.ok) {
    let code = 'http_error';
    let message = `${init?.method ?? 'GET'} ${url}: ${res.status}`;
    try {
      const body = (await res.json()) as { code?: string; message?: string };
      code = body.code ?? code;
      message = body.message ?? message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, code, message);
  }
  return (await res.json()) as T;
}

/** A layer of the read API as GeoJSON (EPSG:4326). Example: `fetchLayer('stops', { mode: 'tram' })`. */
export function fetchLayer(layer: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<FeatureCollection> {
  const qs = new URLSearchParams(params).toString();
  return fetchJson<FeatureCollection>(`/api/${layer}${qs ? `?${qs}` : ''}`, { signal });
}

/** POST /api/match (DESIGN.md, Matching). */
export function postMatch(request: MatchRequestInput, signal?: AbortSignal): Promise<MatchResponse> {
  return fetchJson<MatchResponse>('/api/match', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
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
  const doc = await fetchJson<{ useCodes?: UseCode[] }>('/tiles/plans.json');
  return doc.useCodes ?? [];
}

/** `https://host/tiles/{layer}/{z}/{x}/{y}.mvt` for a MapLibre vector source. */
export function tileUrl(layer: string): string {
  return `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`;
}
