/** One line of the benchmark table: latencies in milliseconds. */
export interface BenchRow {
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
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

export function formatTable(rows: BenchRow[]): string {
  const head = ['bench', 'n', 'median ms', 'p95 ms', 'min ms', 'max ms'];
  const body = rows.map((r) => [r.name, String(r.iterations), r.medianMs.toFixed(1), r.p95Ms.toFixed(1), r.minMs.toFixed(1), r.maxMs.toFixed(1)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
