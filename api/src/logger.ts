import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED = '[redacted]';

/**
 * A URL with its secrets replaced: the token of a pitch link (`/api/pitch/<token>`) and any
 * token-like query parameter (`pitch.html?token=…`). Example:
 * `redactUrl('/api/pitch/abc/pdf?x=1')` → `'/api/pitch/[redacted]/pdf?x=1'`.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return url
    .replace(/(\/pitch\/)[^/?#]+/g, `$1${REDACTED}`)
    .replace(/([?&;](?:token|access_token|api_key|key|session|password|secret)=)[^&#;]*/gi, `$1${REDACTED}`);
}

// Headers worth a log line; the rest (Cookie, Authorization, Set-Cookie, anything a proxy
// adds) never reaches it. Referer can carry a pitch link, so it is redacted like the URL.
const REQUEST_HEADERS = ['host', 'user-agent', 'content-type', 'content-length', 'origin', 'x-forwarded-for', 'x-request-id'];
const RESPONSE_HEADERS = ['content-type', 'content-length', 'retry-after', 'etag', 'location'];

const pick = (headers: Record<string, unknown> | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => headers?.[k] !== undefined).map((k) => [k, headers![k]]));

/** pino-http's request serializer: method, redacted URL, a few harmless headers; never a body, cookie or token. */
export function requestForLog(req: { id?: unknown; method?: string; url?: string; headers?: Record<string, unknown>; remoteAddress?: string }) {
  const headers = pick(req.headers, REQUEST_HEADERS);
  if (typeof req.headers?.referer === 'string') headers.referer = redactUrl(req.headers.referer);
  return { id: req.id, method: req.method, url: redactUrl(req.url), headers, remoteAddress: req.remoteAddress };
}

/** pino-http's response serializer: status and a few harmless headers (no Set-Cookie). */
export function responseForLog(res: { statusCode?: number; headers?: Record<string, unknown> }) {
  const headers = pick(res.headers, RESPONSE_HEADERS);
  // A new pitch link's Location is its secret URL.
  if (typeof headers.location === 'string') headers.location = redactUrl(headers.location);
  return { statusCode: res.statusCode, headers };
}

/**
 * The one logger. `file` (LOG_FILE) appends JSON lines there instead of stdout. Whatever a
 * caller puts in a line, these paths are censored too (defence in depth behind the serializers).
 */
export function createLogger(level: string, file?: string): Logger {
  return pino(
    {
      level,
      base: { service: 'etablera' },
      redact: {
        paths: [
          'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]',
          'headers.cookie', 'headers.authorization', 'body', 'req.body', 'password', '*.password', 'token', '*.token',
        ],
        censor: REDACTED,
      },
    },
    file ? pino.destination({ dest: file, append: true, sync: true, mkdir: true }) : undefined,
  );
}
