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

  const cases: Array<[string, string, unknown]> = [
    ['57P01 terminated by pg_terminate_backend', 'database_unavailable', pgError('57P01', 'terminating connection due to administrator command')],
    ['57014 statement_timeout', 'database_timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['55P03 lock_timeout', 'database_timeout', pgError('55P03', 'canceling statement due to lock timeout')],
    ['08006 connection failure', 'database_unavailable', pgError('08006')],
    ['53300 too many connections', 'database_unavailable', pgError('53300')],
    ['57P03 cannot connect now (starting up)', 'database_unavailable', pgError('57P03')],
    ['pool connection-wait timeout', 'database_timeout', new Error('timeout exceeded when trying to connect')],
    ['connection lost mid-query', 'database_unavailable', new Error('Connection terminated unexpectedly')],
    ['connection refused', 'database_unavailable', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['client-side query timeout', 'database_timeout', new Error('Query read timeout')],
    ['wrapped cause', 'database_timeout', new Error('Connection terminated due to connection timeout', { cause: pgError('08001') })],
  ];
  test.each(cases)('when the database fails with %s, then 503 with Retry-After and code %s', async (_name, code, err) => {
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
