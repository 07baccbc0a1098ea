import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/pool';
import { AppError } from '../errors/app-error';

/** One limit: at most `points` per `seconds` per key, refused with 429 `code` and `message`. */
export interface LimitSpec {
  /** Key prefix in the shared table, e.g. 'login_ip'. */
  name: string;
  points: number;
  seconds: number;
  code: string;
  message: string;
}

/**
 * A counter kept in PostgreSQL (table rate_limits, migration 0085) through
 * rate-limiter-flexible, so every instance of the service on the same database shares it and
 * a restart does not reset it (issue 13, defect 9). Keys are hashed: the table holds no
 * address or e-mail. A database that cannot answer makes the check fail with the usual 503.
 */
export class SharedLimit {
  private readonly limiter: RateLimiterPostgres;
  constructor(db: Db, readonly spec: LimitSpec) {
    this.limiter = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: spec.name,
      points: spec.points,
      duration: spec.seconds,
    });
  }

  private refusal(msBeforeNext: number): AppError {
    return new AppError(429, this.spec.code, this.spec.message, { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
  }

  /** 429 when `key` has used up its points (nothing is counted). */
  async check(key: string): Promise<void> {
    const res = await this.limiter.get(hashKey(key));
    if (res && res.consumedPoints >= this.spec.points) throw this.refusal(res.msBeforeNext);
  }

  /** Counts one for `key`; 429 when that goes over the limit. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(hashKey(key), 1);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw this.refusal(err.msBeforeNext);
      throw err;
    }
  }

  /** Counts one for `key` and never refuses (the failure being counted is answered anyway). */
  async penalise(key: string): Promise<void> {
    await this.limiter.penalty(hashKey(key), 1);
  }
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40);

/** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Middleware: every request counts against its address's `limit` (e.g. intake, sign-up). */
export function perAddress(limit: SharedLimit): RequestHandler {
  return (req, _res, next) => {
    limit.consume(addressOf(req)).then(() => next(), next);
  };
}

/**
 * Failed sign-ins, counted per client address and per account (e-mail) alike: guessing one
 * account's password from many addresses is stopped by the second, guessing many accounts
 * from one address by the first. Only failures count. Example:
 * `await guard.check(req, email); ... on failure: await guard.failed(req, email)`.
 */
export class SignInGuard {
  readonly byAddress: SharedLimit;
  readonly byAccount: SharedLimit;
  constructor(db: Db, failuresPer15Min: number) {
    const spec = { points: failuresPer15Min, seconds: 15 * 60, code: 'too_many_attempts' };
    this.byAddress = new SharedLimit(db, { ...spec, name: 'login_ip', message: 'Too many failed attempts from this address; try again in 15 minutes' });
    this.byAccount = new SharedLimit(db, { ...spec, name: 'login_account', message: 'Too many failed attempts for this account; try again in 15 minutes' });
  }

  async check(req: Request, email: string): Promise<void> {
    await this.byAddress.check(addressOf(req));
    await this.byAccount.check(email.trim().toLowerCase());
  }

  async failed(req: Request, email: string): Promise<void> {
    await this.byAddress.penalise(addressOf(req));
    await this.byAccount.penalise(email.trim().toLowerCase());
  }
}
