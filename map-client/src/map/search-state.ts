// The search lives in the URL's query string, so a search can be shared and reloaded.
// Names follow the request body of POST /api/match; lists are comma-separated; weights
// are `w.<criterion>`. Values that do not parse are left out (the API checks the rest).
import { CRITERIA, MATCH_USES, NEEDS, STOP_MODES, type MatchRequestInput as MatchRequest, type MatchUse, type Need, type StopMode } from '@etablera/contract';

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** The request a URL describes, or null when it holds no search (no use or minimum area). */
export function requestFromParams(q: URLSearchParams): MatchRequest | null {
  const use = q.get('use');
  const minAreaM2 = num(q.get('minAreaM2'));
  if (!use || !(MATCH_USES as readonly string[]).includes(use) || minAreaM2 === undefined) return null;
  const r: MatchRequest = { use: use as MatchUse, minAreaM2 };
  const need = q.get('need');
  if (need && (NEEDS as readonly string[]).includes(need)) r.need = need as Need;
  const maxAreaM2 = num(q.get('maxAreaM2'));
  if (maxAreaM2 !== undefined) r.maxAreaM2 = maxAreaM2;
  const areas = list(q.get('areas'));
  if (areas.length) r.areas = areas;
  const dist = num(q.get('maxDistanceToStationM'));
  if (dist !== undefined) r.maxDistanceToStationM = dist;
  const modes = list(q.get('stationModes')).filter((m): m is StopMode => (STOP_MODES as readonly string[]).includes(m));
  if (modes.length) r.stationModes = modes;
  const neededBy = q.get('neededBy');
  if (neededBy && /^\d{4}-\d{2}-\d{2}$/.test(neededBy)) r.neededBy = neededBy;
  if (q.get('includePlanned') === 'true') r.includePlanned = true;
  const weights: NonNullable<MatchRequest['weights']> = {};
  for (const c of CRITERIA) {
    const w = num(q.get(`w.${c}`));
    if (w !== undefined) weights[c] = w;
  }
  if (Object.keys(weights).length) r.weights = weights;
  const limit = num(q.get('limit'));
  if (limit !== undefined) r.limit = limit;
  return r;
}

/** The query string of a request; `keep` carries other state (language, selection). */
export function paramsFromRequest(r: MatchRequest, keep: Record<string, string | null> = {}): URLSearchParams {
  const q = new URLSearchParams();
  if (r.need) q.set('need', r.need);
  q.set('use', r.use);
  q.set('minAreaM2', String(r.minAreaM2));
  if (r.maxAreaM2 !== undefined) q.set('maxAreaM2', String(r.maxAreaM2));
  if (r.areas?.length) q.set('areas', r.areas.join(','));
  if (r.maxDistanceToStationM !== undefined) q.set('maxDistanceToStationM', String(r.maxDistanceToStationM));
  if (r.stationModes?.length) q.set('stationModes', r.stationModes.join(','));
  if (r.neededBy) q.set('neededBy', r.neededBy);
  if (r.includePlanned) q.set('includePlanned', 'true');
  for (const [c, w] of Object.entries(r.weights ?? {})) q.set(`w.${c}`, String(w));
  if (r.limit !== undefined) q.set('limit', String(r.limit));
  for (const [k, v] of Object.entries(keep)) if (v !== null) q.set(k, v);
  return q;
}
