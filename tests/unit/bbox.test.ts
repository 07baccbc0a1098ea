// Plain unit tests of the bbox query parameter (no database).
import { bboxFitsCrs, bboxParam, bboxParams } from '../../api/src/geo/bbox';

describe('bboxParam', () => {
  test('when four numbers are given, then they become minX, minY, maxX, maxY (spaces allowed)', () => {
    expect(bboxParam.parse('17.90, 59.20,18.00,59.23')).toEqual({ minX: 17.9, minY: 59.2, maxX: 18, maxY: 59.23 });
  });
  test.each([
    ['17.9,59.2,18.0', 'must be four numbers minX,minY,maxX,maxY'],
    ['17.9,59.2,18.0,59.3,1', 'must be four numbers minX,minY,maxX,maxY'],
    ['17.9,,18.0,59.3', 'must be four numbers minX,minY,maxX,maxY'],
    ['a,b,c,d', 'must be four numbers minX,minY,maxX,maxY'],
    ['17.9,59.2,Infinity,59.3', 'must be four numbers minX,minY,maxX,maxY'],
    ['18.0,59.2,17.9,59.3', 'min must not exceed max (minX,minY,maxX,maxY)'],
  ])('when bbox=%s, then it is refused: %s', (text, message) => {
    const r = bboxParam.safeParse(text);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(message);
  });
  test('when min equals max (a point), then it is accepted', () => {
    expect(bboxParam.safeParse('17.9,59.2,17.9,59.2').success).toBe(true);
  });
});

describe('bboxFitsCrs', () => {
  test('when degrees are in range for 4326, or metres for 3006, then nothing is wrong', () => {
    expect(bboxFitsCrs({ minX: 17.9, minY: 59.2, maxX: 18, maxY: 59.3 }, 4326)).toBeUndefined();
    expect(bboxFitsCrs({ minX: 660000, minY: 6560000, maxX: 680000, maxY: 6580000 }, 3006)).toBeUndefined();
  });
  test('when metres are given as 4326, then lon/lat out of range', () => {
    expect(bboxFitsCrs({ minX: 660000, minY: 6560000, maxX: 680000, maxY: 6580000 }, 4326)).toMatch(/^bbox: lon\/lat out of range/);
  });
  test('when degrees are given as 3006, then it says they look like degrees', () => {
    expect(bboxFitsCrs({ minX: 17.9, minY: 59.2, maxX: 18, maxY: 59.3 }, 3006)).toBe('bbox: looks like degrees but crs=3006 expects metres');
  });
});

describe('bboxParams', () => {
  test('when a bbox is given, then its four numbers; when not, then four nulls (no filter)', () => {
    expect(bboxParams({ minX: 1, minY: 2, maxX: 3, maxY: 4 })).toEqual([1, 2, 3, 4]);
    expect(bboxParams()).toEqual([null, null, null, null]);
  });
});
