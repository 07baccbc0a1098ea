import type { StyleSpecification } from 'maplibre-gl';
import { offlineStyle } from './style';

/**
 * The style to start with: the offline one, or, when `/config.json` names an external
 * basemap (deployments with internet), that style with our sources and layers on top.
 * A basemap that cannot be fetched in a few seconds is skipped: the map never depends on it.
 */
export async function startStyle(basemapStyleUrl: string | null): Promise<{ style: StyleSpecification; external: boolean }> {
  const own = offlineStyle();
  if (!basemapStyleUrl) return { style: own, external: false };
  try {
    const res = await fetch(basemapStyleUrl, { signal: AbortSignal.timeout(4000) });
    if (!res.ok) throw new Error(String(res.status));
    const base = (await res.json()) as StyleSpecification;
    // Our background and white municipality fill would hide the basemap: keep the outlines only.
    const ours = own.layers.filter((l) => l.id !== 'background' && l.id !== 'municipalities-fill');
    return {
      style: { ...base, sources: { ...base.sources, ...own.sources }, layers: [...base.layers, ...ours] },
      external: true,
    };
  } catch (err) {
    console.warn(`External basemap ${basemapStyleUrl} not used: ${(err as Error).message}`);
    return { style: own, external: false };
  }
}
