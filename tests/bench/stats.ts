/** One line of the benchmark table: latencies in milliseconds. */
export interface BenchRow {
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  /** Anything else worth a column, e.g. response sizes. */
  note?: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Runs `work` `warmup` times unmeasured, then `iterations` times, and summarises. */
export async function measure(name: string, work: () => Promise<unknown>, iterations = 200, warmup = 10): Promise<BenchRow> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, iterations, medianMs: median(times), p95Ms: percentile(times, 95), minMs: times[0], maxMs: times[times.length - 1] };
}

/** Summarises latencies measured elsewhere (e.g. one request per tile). */
export function summarise(name: string, times: number[], note?: string): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, iterations: sorted.length, medianMs: median(sorted), p95Ms: percentile(sorted, 95), minMs: sorted[0], maxMs: sorted[sorted.length - 1], note };
}

/**
 * `measure` with as many iterations as fit in `budgetMs` (at least 3, at most `maxIterations`),
 * judged from one unmeasured probe run: slow cases get fewer runs, so the whole bench stays short.
 */
export async function measureWithin(name: string, work: () => Promise<unknown>, budgetMs: number, maxIterations = 200): Promise<BenchRow> {
  const start = process.hrtime.bigint();
  await work();
  const probeMs = Math.max(0.1, Number(process.hrtime.bigint() - start) / 1e6);
  const iterations = Math.max(3, Math.min(maxIterations, Math.floor(budgetMs / probeMs)));
  return measure(name, work, iterations, Math.min(10, Math.floor(iterations / 10))); // the probe warmed up too
}

export function formatTable(rows: BenchRow[]): string {
  const head = ['bench', 'n', 'median ms', 'p95 ms', 'min ms', 'max ms', 'note'];
  const body = rows.map((r) => [r.name, String(r.iterations), r.medianMs.toFixed(1), r.p95Ms.toFixed(1), r.minMs.toFixed(1), r.maxMs.toFixed(1), r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
