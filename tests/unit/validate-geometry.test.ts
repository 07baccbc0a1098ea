// Plain unit tests of the geometry checks shared by the API and the loader (no database).
import { geometryProblem } from '../../api/src/geo/validate-geometry';

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const polygon = (coordinates: unknown) => ({ type: 'Polygon', coordinates });
const polygons = ['Polygon', 'MultiPolygon'] as const;

describe('geometryProblem', () => {
  test('when a small lon/lat square in Huddinge is given, then nothing is wrong', () => {
    expect(geometryProblem(polygon(square(17.94, 59.215, 0.002)), polygons, 4326)).toBeUndefined();
  });
  test('when a SWEREF 99 TM square is given as 3006, then nothing is wrong', () => {
    expect(geometryProblem(polygon(square(670000, 6570000, 100)), polygons, 3006)).toBeUndefined();
  });
  test.each<[string, unknown, string]>([
    ['missing', null, 'geometry is missing'],
    ['an array', [], 'geometry must be a GeoJSON geometry object'],
    ['a point where polygons are wanted', { type: 'Point', coordinates: [17.9, 59.2] }, 'geometry type "Point" is not allowed here (expected Polygon or MultiPolygon)'],
    ['empty', polygon([]), 'invalid Polygon: coordinates: an empty array at nesting level 1 (an empty Polygon is not allowed)'],
    ['an empty ring', polygon([[]]), 'invalid Polygon: coordinates: an empty array at nesting level 2 (an empty Polygon is not allowed)'],
    ['metres given as degrees', polygon(square(670000, 6570000, 100)), 'coordinate [670000, 6570000] is not lon/lat: it looks like projected metres (SWEREF 99 TM?); give EPSG:4326 degrees'],
    ['lat/lon swapped', polygon(square(59.2, 17.9, 0.01)), 'coordinate [59.2, 17.9] looks like [lat, lon]; GeoJSON wants [lon, lat]'],
    ['outside Sweden', polygon(square(2.35, 48.85, 0.01)), 'coordinate [2.35, 48.85] is outside Sweden (lon/lat)'],
    ['3D', polygon([[[17.9, 59.2, 10], [17.91, 59.2, 10], [17.91, 59.21, 10], [17.9, 59.2, 10]]]), 'invalid Polygon: coordinates must be 2D [x, y]; found a position with 3 values'],
  ])('when the geometry is %s, then it is refused: %s', (_name, geom, problem) => {
    expect(geometryProblem(geom, polygons, 4326)).toBe(problem);
  });
  test('when degrees are sent as 3006, then it says so', () => {
    expect(geometryProblem(polygon(square(17.94, 59.215, 0.002)), polygons, 3006)).toBe(
      'coordinate [17.94, 59.215] looks like degrees, but SWEREF 99 TM metres were expected',
    );
  });
  test('when a ring is not closed, then geojson-validation names it', () => {
    expect(geometryProblem(polygon([[[17.9, 59.2], [17.91, 59.2], [17.91, 59.21], [17.9, 59.21]]]), polygons, 4326)).toMatch(/^invalid Polygon: .*first and last positions/);
  });
  test('when a ring crosses itself (a bow tie), then this check passes it on: PostGIS names the crossing (invalid-geometries.sql)', () => {
    const bowtie = polygon([[[17.9, 59.2], [17.91, 59.21], [17.91, 59.2], [17.9, 59.21], [17.9, 59.2]]]);
    expect(geometryProblem(bowtie, polygons, 4326)).toBeUndefined();
  });
  test('when a geometry has more vertices than allowed, then the limit is named', () => {
    expect(geometryProblem(polygon(square(17.94, 59.215, 0.002)), polygons, 4326, { maxVertices: 4 })).toBe(
      'invalid Polygon: has more than 4 vertices, the limit per feature (simplify it first, e.g. in QGIS)',
    );
  });
});
