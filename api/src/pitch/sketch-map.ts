// A plain SVG sketch of the pitched sites for the printed pitch and its PDF: no tiles, no
// network, no WebGL, so headless Chromium renders it the same everywhere.

type Ring = number[][];
interface Geo {
  type: string;
  coordinates: unknown;
}
interface SketchSite {
  number: number;
  geometry: unknown;
  point: { coordinates: [number, number] };
}

function polygons(g: Geo): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  return [];
}

/** An SVG element (string) `width`×`height` showing each site's outline or point and its number. */
export function sketchMapSvg(sites: SketchSite[], width = 640, height = 360): string {
  const pts: number[][] = [];
  for (const s of sites) {
    pts.push(s.point.coordinates);
    for (const poly of polygons(s.geometry as Geo)) for (const ring of poly) pts.push(...ring);
  }
  if (!pts.length) return '';
  const lat0 = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = pts.map((p) => p[0] * k);
  const ys = pts.map((p) => p[1]);
  // At least ~1 km across, so a single site is not blown up to fill the page; 15 % margin.
  const minSpan = 0.009;
  const spanX = Math.max(Math.max(...xs) - Math.min(...xs), minSpan) * 1.3;
  const spanY = Math.max(Math.max(...ys) - Math.min(...ys), minSpan) * 1.3;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const scale = Math.min(width / spanX, height / spanY);
  const px = (p: number[]) => [(p[0] * k - cx) * scale + width / 2, height / 2 - (p[1] - cy) * scale];
  const parts: string[] = [];
  for (const s of sites) {
    for (const poly of polygons(s.geometry as Geo)) {
      const d = poly.map((ring) => 'M' + ring.map((p) => px(p).map((v) => v.toFixed(1)).join(' ')).join('L') + 'Z').join(' ');
      parts.push(`<path d="${d}" fill="#1f3a93" fill-opacity="0.25" stroke="#1f3a93" stroke-width="1.5"/>`);
    }
    const [x, y] = px(s.point.coordinates);
    parts.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="11" fill="#1f3a93"/>` +
        `<text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="12" font-family="sans-serif" fill="#fff" text-anchor="middle">${s.number}</text>`,
    );
  }
  // A scale bar of a round length near a fifth of the width.
  const metresPerPx = 111_320 / scale;
  const barM = [100, 250, 500, 1000, 2000, 5000, 10000].find((m) => m / metresPerPx >= width / 8) ?? 10000;
  const barPx = barM / metresPerPx;
  parts.push(
    `<line x1="12" y1="${height - 14}" x2="${(12 + barPx).toFixed(1)}" y2="${height - 14}" stroke="#333" stroke-width="2"/>` +
      `<text x="12" y="${height - 20}" font-size="10" font-family="sans-serif" fill="#333">${barM >= 1000 ? `${barM / 1000} km` : `${barM} m`}</text>` +
      `<text x="${width - 14}" y="20" font-size="12" font-family="sans-serif" fill="#333" text-anchor="end">N ↑</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" style="background:#eef1ec">${parts.join('')}</svg>`;
}
