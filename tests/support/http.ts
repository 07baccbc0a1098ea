import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';

export interface Timed {
  status: number;
  ms: number;
  retryAfter: string | null;
  code: string | null;
  /** A transport error instead of an HTTP answer (connection refused or reset). */
  error?: string;
}

/** Listens on a free loopback port; `close` ends every connection. */
export async function listen(app: Express): Promise<{ server: Server; base: string; close: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One request, timed, with status, Retry-After and the error code of a JSON error body. */
export async function timed(url: string, init?: RequestInit): Promise<Timed> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let code: string | null = null;
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { code?: string }).code ?? null;
      } catch {
        code = 'not_json';
      }
    }
    return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.get('retry-after'), code };
  } catch (err) {
    return { status: 0, ms: performance.now() - t0, retryAfter: null, code: null, error: String((err as Error).cause ?? err) };
  }
}

export const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
