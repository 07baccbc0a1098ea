// Small process helpers for the set-up scripts. Plain Node: they run before `npm install`.
import { spawnSync, spawn } from 'node:child_process';

export function log(msg) {
  process.stdout.write(`[etablera] ${msg}\n`);
}

/** Runs a command to completion with inherited stdio; throws on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
}

/** Runs a command and returns its exit status and output, never throwing. */
export function probe(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function has(cmd) {
  return probe('sh', ['-c', `command -v ${cmd}`]).ok;
}

/** Starts a long-running child that shares our stdio and forwards termination signals. */
export function serveForever(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
