import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const valid = { use: 'logistics', minAreaM2: 5000 };

describe('POST /api/match with malformed requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: true });
  });
  afterAll(() => t.drop());

  test.each([
    ['use is missing', { minAreaM2: 5000 }, 'use'],
    ['use is unknown', { ...valid, use: 'farming' }, 'use'],
    ['minAreaM2 is missing', { use: 'office' }, 'minAreaM2'],
    ['minAreaM2 is a string', { ...valid, minAreaM2: '5000' }, 'minAreaM2'],
    ['minAreaM2 is negative', { ...valid, minAreaM2: -1 }, 'minAreaM2'],
    ['minAreaM2 is zero', { ...valid, minAreaM2: 0 }, 'minAreaM2'],
    ['maxAreaM2 is negative', { ...valid, maxAreaM2: -10 }, 'maxAreaM2'],
    ['maxAreaM2 is below minAreaM2', { ...valid, maxAreaM2: 4000 }, 'maxAreaM2'],
    ['need is unknown', { ...valid, need: 'house' }, 'need'],
    ['a station mode is unknown', { ...valid, stationModes: ['metro', 'ferry'] }, 'stationModes'],
    ['stationModes is not an array', { ...valid, stationModes: 'metro' }, 'stationModes'],
    ['stationModes is empty', { ...valid, stationModes: [] }, 'stationModes'],
    ['areas is not an array', { ...valid, areas: 'lanna' }, 'areas'],
    ['neededBy is not a calendar date', { ...valid, neededBy: '2027-02-30' }, 'neededBy'],
    ['neededBy is not a date at all', { ...valid, neededBy: 'next spring' }, 'neededBy'],
    ['includePlanned is a string', { ...valid, includePlanned: 'yes' }, 'includePlanned'],
    ['maxDistanceToStationM is negative', { ...valid, maxDistanceToStationM: -5 }, 'maxDistanceToStationM'],
    ['a weight names an unknown criterion', { ...valid, weights: { beauty: 1 } }, 'weights.beauty'],
    ['a weight is negative', { ...valid, weights: { price: -1 } }, 'weights.price'],
    ['every weight is zero', { ...valid, weights: { transit: 0, size: 0, readiness: 0, price: 0 } }, 'weights'],
    ['limit is 0', { ...valid, limit: 0 }, 'limit'],
    ['limit is over 200', { ...valid, limit: 201 }, 'limit'],
    ['limit is a fraction', { ...valid, limit: 2.5 }, 'limit'],
    ['an unknown field is sent', { ...valid, colour: 'blue' }, 'colour'],
  ])('when %s, then 400 names the field', async (_what, body, field) => {
    const res = await request(t.app).post('/api/match').send(body).expect(400);
    expect(typeof res.body.code).toBe('string');
    expect(res.body.message).toContain(field);
  });

  test('when an area ref is unknown, then 400 names it and not the known one', async () => {
    const res = await request(t.app).post('/api/match').send({ ...valid, areas: ['lanna', 'atlantis'] }).expect(400);
    expect(res.body.code).toBe('unknown_area');
    expect(res.body.message).toContain("'atlantis'");
    expect(res.body.message).not.toContain("'lanna'");
  });

  test('when the body is not JSON, then 400', async () => {
    const res = await request(t.app).post('/api/match').set('Content-Type', 'application/json').send('{"use": ').expect(400);
    expect(res.body.code).toBe('invalid_json');
  });

  test('when the body is a JSON array, then 400', async () => {
    const res = await request(t.app).post('/api/match').send([valid]).expect(400);
    expect(res.body).toHaveProperty('message');
  });

  test('when there is no body, then 400 says a JSON body is required', async () => {
    const res = await request(t.app).post('/api/match').expect(400);
    expect(res.body.message).toMatch(/body/);
  });

  test('when the body is larger than the limit, then 413 in the error format', async () => {
    const big = JSON.stringify({ ...valid, areas: ['x'.repeat(3 * 1024 * 1024)] });
    const res = await request(t.app).post('/api/match').set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body.code).toBe('body_too_large');
  });

  test('when a valid request is sent, then every exclusion reason is present, in the contract order', async () => {
    const res = await request(t.app).post('/api/match').send(valid).expect(200);
    expect(Object.keys(res.body.excluded)).toEqual([
      'notAvailable', 'outsideAreas', 'wrongUse', 'tooSmall', 'tooLarge', 'tooLittleBuildingRight', 'notReadyInTime', 'tooFarFromTransit',
    ]);
  });

  test('when the OpenAPI document is read, then /api/match has its request schema, default weights and responses', async () => {
    const res = await request(t.app).get('/api/openapi.json').expect(200);
    const op = res.body.paths['/api/match'].post;
    const schema = op.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['use', 'minAreaM2']));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['need', 'use', 'minAreaM2', 'maxAreaM2', 'areas', 'maxDistanceToStationM', 'stationModes', 'neededBy', 'includePlanned', 'weights', 'limit']),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(op.description).toMatch(/transit 0\.\d+/);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(res.body.paths['/api/requests/{id}/matches'].get).toBeDefined();
  });
});
