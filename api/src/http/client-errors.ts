import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const REASONS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request line or headers are larger than allowed (shorten the URL)'],
  HPE_URI_TOO_LONG: [414, 'uri_too_long', 'The URL is longer than allowed'],
};

/**
 * What Node's HTTP parser rejects before Express sees it (a 20 KB query string, a malformed
 * request line) still gets the API's error format, `{code, message}`, instead of an empty
 * reply. Example: `answerClientErrors(app.listen(port))`.
 */
export function answerClientErrors(server: Server): Server {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const [status, code, message] = REASONS[err.code ?? ''] ?? [400, 'bad_request', 'The request could not be parsed as HTTP'];
    const body = JSON.stringify({ code, message });
    socket.end(
      `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
