// Probe: the region request set on DATABASE_URL, in memory and in SQL, with equality of answers.
import { createPool } from '../../api/src/db/pool';
import { runMatch } from '../../api/src/matching/service';
import { judgeCandidatesInSql, judgeCandidates } from '../../api/src/matching/repository';
import { matchRequestSchema } from '../../api/src/matching/schema';
import { REGION_REQUESTS } from './region.bench';

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const v = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, v];
}

async function main() {
  const db = createPool(process.env.DATABASE_URL!, 4);
  const today = new Date().toISOString().slice(0, 10);
  const o = { today, staleAfterDays: 90 };
  const [load] = await time(() => runMatch(db, REGION_REQUESTS[0][1], { today }));
  console.log(`first match (snapshot load) ${load.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  for (const [name, body] of REGION_REQUESTS) {
    const r = matchRequestSchema.parse(body);
    const kinds = r.need === 'any' ? (['land', 'premises'] as const) : [r.need];
    for (const k of kinds) {
      const [tm, mem] = await time(() => judgeCandidates(db, k, r, o));
      const [ts, sql] = await time(() => judgeCandidatesInSql(db, k, r, o));
      const norm = (x: typeof mem) => JSON.stringify({ e: Object.entries(x.excluded).sort(), c: x.cheapest, r: [...x.results].sort((a, b) => (a.ref < b.ref ? -1 : 1)) });
      const same = norm(mem) === norm(sql);
      console.log(`${name} [${k}]: memory ${tm.toFixed(1)} ms, sql ${ts.toFixed(1)} ms, same ${same}, results ${mem.results.length}/${sql.results.length}`);
      if (!same) console.log(JSON.stringify(mem.excluded), JSON.stringify(sql.excluded), mem.cheapest, sql.cheapest);
    }
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push((await time(() => runMatch(db, body, { today })))[0]);
    times.sort((a, b) => a - b);
    console.log(`  runMatch median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms`);
  }
  await db.end();
}
void main();
