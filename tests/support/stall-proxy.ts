import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can stall: while `stall()` is on, bytes in either
 * direction are swallowed (a network that stops answering, no reset, no error); `resume()`
 * cuts the connections that lived through it (their protocol state is lost) and forwards
 * again, as a network coming back would. Example: `const p = await stallProxy(5432)`.
 */
export async function stallProxy(upstreamPort: number, upstreamHost = '127.0.0.1') {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, upstreamHost);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (d) => void (stalled || upstream.write(d)));
    upstream.on('data', (d) => void (stalled || client.write(d)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    stall: () => void (stalled = true),
    resume: () => {
      for (const s of sockets) s.destroy();
      stalled = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
