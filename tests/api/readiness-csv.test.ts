import { toCsv } from '../../api/src/readiness/readiness-csv';
import { sizeBand } from '../../api/src/readiness/demand-summary';

describe('size bands and CSV writing', () => {
  test.each([
    [1, '<5000'],
    [4999.9, '<5000'],
    [5000, '5000-20000'],
    [19999, '5000-20000'],
    [20000, '20000-50000'],
    [49999, '20000-50000'],
    [50000, '>=50000'],
    [2_000_000, '>=50000'],
  ])('when minAreaM2 is %d, then the size band is %s', (m2, band) => {
    expect(sizeBand(m2)).toBe(band);
  });

  test('when Swedish CSV is written, then it has a BOM, semicolons, decimal commas, CRLF and quoted fields where needed', () => {
    const text = toCsv(['Område', 'Yta (ha)'], [['Länna; södra', 12.5], ['Säg "hej"', null], ['Flemingsberg', 3]], 'sv');
    expect(text).toBe('\uFEFFOmråde;Yta (ha)\r\n"Länna; södra";12,5\r\n"Säg ""hej""";\r\nFlemingsberg;3\r\n');
  });

  test('when English CSV is written, then commas separate and decimals keep their point', () => {
    expect(toCsv(['Area', 'ha'], [['Länna, north', 12.5]], 'en')).toBe('\uFEFFArea,ha\r\n"Länna, north",12.5\r\n');
  });
});
