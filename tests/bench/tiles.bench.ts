// Latency and size of the vector tiles (GET /tiles/{layer}/{z}/{x}/{y}.mvt) for the tiles a
// map of Huddinge asks for: the whole municipality at z10-12, each business area at z13-15.
// Cold: the first request for a tile (no If-None-Match: the server renders it); then the
// revalidation a client makes with the tile's ETag, which must answer 304 without a body.
import { get, kb, startBenchServer } from './http';
import type { Bench } from './run';
import { median, summarise, type BenchRow } from './stats';

const LAYERS = ['land', 'plans', 'areas', 'municipalities'] as const;
const REVALIDATIONS = 3;

type Extent = [number, number, number, number];
interface Tile { z: number; x: number; y: number }

/** The standard slippy-map tile (OSM) holding a lon/lat point at zoom z. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** Every tile of zoom z covering a lon/lat extent (north is the smaller y). */
function tilesCovering([minLon, minLat, maxLon, maxLat]: Extent, z: number): Tile[] {
  const nw = tileOf(minLon, maxLat, z);
  const se = tileOf(maxLon, minLat, z);
  const tiles: Tile[] = [];
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
  return tiles;
}

const unique = (tiles: Tile[]) => [...new Map(tiles.map((t) => [`${t.z}/${t.x}/${t.y}`, t])).values()];
const sizes = (bytes: number[]) => `${bytes.length} tiles, median ${kb(median([...bytes].sort((a, b) => a - b)))}, max ${kb(Math.max(...bytes))}, total ${kb(bytes.reduce((a, b) => a + b, 0))}`;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

const bench: Bench = {
  name: 'tiles',
  async run(ctx) {
    // Extents from the seeded data itself: Huddinge (0126) and each business area, in lon/lat.
    const { rows } = await ctx.db.query(`
      select e.name, ST_XMin(e.box) as x0, ST_YMin(e.box) as y0, ST_XMax(e.box) as x1, ST_YMax(e.box) as y1
      from (select 'huddinge' as name, ST_Extent(ST_Transform(geom, 4326)) as box from municipalities where ref = '0126'
            union all
            select ref, ST_Extent(ST_Transform(geom, 4326)) from areas group by ref) e`);
    const extent = (r: (typeof rows)[number]): Extent => [r.x0, r.y0, r.x1, r.y1];
    const huddinge = rows.find((r) => r.name === 'huddinge');
    if (!huddinge || rows.length < 2) throw new Error('the seed lacks Huddinge (0126) or its business areas');
    const bands: Array<[string, Tile[]]> = [
      ['z10-12 Huddinge', unique([10, 11, 12].flatMap((z) => tilesCovering(extent(huddinge), z)))],
      ['z13-15 business areas', unique(rows.filter((r) => r !== huddinge).flatMap((r) => [13, 14, 15].flatMap((z) => tilesCovering(extent(r), z))))],
    ];

    const server = await startBenchServer(ctx);
    try {
      const out: BenchRow[] = [];
      for (const layer of LAYERS) {
        await get(server.base, `/tiles/${layer}/9/281/149.mvt`); // warms the connection and statement, not a measured tile
        const etags: Array<[string, string]> = [];
        for (const [band, tiles] of bands) {
          const times: number[] = [];
          const bytes: number[] = [];
          for (const t of tiles) {
            const path = `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`;
            const [ms, res] = await timed(() => get(server.base, path));
            if (!res.etag) throw new Error(`GET ${path} answered without an ETag`);
            times.push(ms);
            bytes.push(res.bytes);
            etags.push([path, res.etag]);
          }
          out.push(summarise(`tiles ${layer} cold ${band}`, times, sizes(bytes)));
        }
        const revalidations: number[] = [];
        for (let round = 0; round < REVALIDATIONS; round++) {
          for (const [path, etag] of etags) {
            const [ms, res] = await timed(() => get(server.base, path, 304, { 'if-none-match': etag }));
            if (res.bytes !== 0) throw new Error(`304 of ${path} had a body`);
            revalidations.push(ms);
          }
        }
        out.push(summarise(`tiles ${layer} 304 If-None-Match z10-15`, revalidations, '0 B'));
      }
      return out;
    } finally {
      await server.close();
    }
  },
};

export default bench;
