import { AppError } from './app-error';

/** Seconds a client is told to wait (Retry-After) when the database is slow or unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong":
 * 57P01-57P03 admin shutdown / crash / cannot connect now (pg_terminate_backend gives 57P01),
 * 57014 statement_timeout or cancel, 55P03 lock_timeout, 53300 too many connections,
 * 53xxx out of resources, 40001/40P01 serialization failure and deadlock (retry wins), and
 * class 08 (connection exceptions).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57014', '55P03', '53000', '53100', '53200', '53300', '53400', '40001', '40P01']);

// What pg and node say when the connection itself is gone or the pool cannot give one.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end/i,
  /terminating connection/i,
];
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** True when `err` says the database is slow, busy or gone (so a retry later can succeed). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || UNAVAILABLE_ERRNO.has(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

/** The 503 answered for such an error: the kind of fault in `code`, never the database's own text. */
export function databaseUnavailable(err: unknown): AppError {
  const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
  const slow = code === '57014' || code === '55P03' || /timeout/i.test(String((err as Error).message));
  return slow
    ? new AppError(503, 'database_timeout', 'The database did not answer in time; try again shortly', { retryAfterSeconds: RETRY_AFTER_SECONDS })
    : new AppError(503, 'database_unavailable', 'The database is not reachable just now; try again shortly', { retryAfterSeconds: RETRY_AFTER_SECONDS });
}
