import express from 'express';
import request from 'supertest';
import { errorMiddleware } from '../../api/src/errors/middleware';
import { isDatabaseUnavailable } from '../../api/src/errors/db-unavailable';
import { createLogger } from '../../api/src/logger';

/** An error as pg raises it: a message and a SQLSTATE in `code`. */
const pgError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });

// Issue 13, defect 4: these came out as 500 internal_error.
describe('the error middleware: a slow, busy or lost database is 503 + Retry-After, never 500', () => {
  const app = express();
  let next: unknown;
  app.get('/boom', () => {
    throw next;
  });
  app.use(errorMiddleware(createLogger('silent')));

  const cases: Array<[string, unknown, string]> = [
    ['57P01 terminated by pg_terminate_backend', pgError('57P01', 'terminating connection due to administrator command'), 'database_unavailable'],
    ['57014 statement_timeout', pgError('57014', 'canceling statement due to statement timeout'), 'database_timeout'],
    ['55P03 lock_timeout', pgError('55P03', 'canceling statement due to lock timeout'), 'database_timeout'],
    ['08006 connection failure', pgError('08006'), 'database_unavailable'],
    ['53300 too many connections', pgError('53300'), 'database_unavailable'],
    ['57P03 cannot connect now (starting up)', pgError('57P03'), 'database_unavailable'],
    ['pool connection-wait timeout', new Error('timeout exceeded when trying to connect'), 'database_timeout'],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly'), 'database_unavailable'],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'database_unavailable'],
    ['client-side query timeout', new Error('Query read timeout'), 'database_timeout'],
    ['wrapped cause', new Error('Connection terminated due to connection timeout', { cause: pgError('08001') }), 'database_timeout'],
  ];
  test.each(cases)('when the database fails with %s, then 503 with Retry-After and code %s', async (_name, err, code) => {
    next = err;
    const res = await request(app).get('/boom');
    expect({ status: res.status, code: res.body.code, retryAfter: res.headers['retry-after'] }).toEqual({ status: 503, code, retryAfter: '5' });
    expect(res.body.message).not.toMatch(/from the server|ECONNREFUSED|5432/);
  });

  test('when the error is a bug (a constraint the code should have checked), then it stays a 500', async () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(false);
    next = pgError('23505', 'duplicate key');
    expect((await request(app).get('/boom')).status).toBe(500);
  });
});
