// Plain SVG charts for the KPI dashboard: no chart library, nothing fetched.
const NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Horizontal bars, one per row; `null` values are drawn as "–". */
export function barChart(title: string, rows: Array<{ label: string; value: number | null }>, unit = ''): SVGSVGElement {
  const rowH = 24;
  const labelW = 170;
  const width = 520;
  const barW = width - labelW - 60;
  const height = rows.length * rowH + 30;
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart' });
  svg.append(svgEl('title', {}, title));
  svg.append(svgEl('text', { x: 0, y: 16, 'font-weight': 'bold', 'font-size': 13 }, title));
  rows.forEach((r, i) => {
    const y = 26 + i * rowH;
    svg.append(svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, r.label));
    const w = r.value == null ? 0 : Math.max(1, (r.value / max) * barW);
    svg.append(svgEl('rect', { x: labelW, y: y + 3, width: w.toFixed(1), height: rowH - 8, fill: '#1f3a93', 'data-value': r.value ?? '' }));
    svg.append(svgEl('text', { x: labelW + w + 6, y: y + 15, 'font-size': 12 }, r.value == null ? '–' : `${r.value}${unit}`));
  });
  return svg;
}

/** Vertical bars over time (e.g. months), stacked by series. */
export function timeChart(title: string, columns: string[], series: Array<{ name: string; values: number[] }>): SVGSVGElement {
  const width = 520;
  const height = 220;
  const left = 30;
  const bottom = 40;
  const colours = ['#1f3a93', '#e07a1f', '#2e8b57', '#8c5fb3', '#c0392b', '#7f8c8d'];
  const totals = columns.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const colW = columns.length ? (width - left - 10) / columns.length : 0;
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height + 20 + series.length * 16}`, width: '100%', role: 'img', class: 'chart' });
  svg.append(svgEl('title', {}, title));
  svg.append(svgEl('text', { x: 0, y: 14, 'font-weight': 'bold', 'font-size': 13 }, title));
  const plotH = height - bottom - 24;
  columns.forEach((c, i) => {
    let y = height - bottom;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      if (!v) return;
      const hgt = (v / max) * plotH;
      y -= hgt;
      svg.append(svgEl('rect', { x: left + i * colW + 4, y: y.toFixed(1), width: Math.max(2, colW - 8).toFixed(1), height: hgt.toFixed(1), fill: colours[j % colours.length] }));
    });
    svg.append(svgEl('text', { x: left + i * colW + colW / 2, y: height - bottom + 14, 'text-anchor': 'middle', 'font-size': 11 }, c));
    svg.append(svgEl('text', { x: left + i * colW + colW / 2, y: y - 4, 'text-anchor': 'middle', 'font-size': 11 }, String(totals[i])));
  });
  series.forEach((s, j) => {
    const y = height + 6 + j * 16;
    svg.append(svgEl('rect', { x: left, y, width: 10, height: 10, fill: colours[j % colours.length] }));
    svg.append(svgEl('text', { x: left + 16, y: y + 9, 'font-size': 11 }, s.name));
  });
  return svg;
}
