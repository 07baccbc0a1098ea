// The one CSV writer (csv-stringify underneath): the two dialects the API writes.
import { toCsv } from '../../api/src/csv/csv';

describe('toCsv', () => {
  test('when the KPI dialect is asked (en, no BOM), then commas, CRLF, true/false and empty cells for null', () => {
    expect(toCsv([['metric', 'value'], ['won', 3], ['ratio', 0.25], ['flag', true], ['none', null], ['gone', undefined]], { lang: 'en', bom: false }))
      .toBe('metric,value\r\nwon,3\r\nratio,0.25\r\nflag,true\r\nnone,\r\ngone,\r\n');
  });
  test('when a field holds the separator, a quote, CR or LF, then it is quoted and quotes doubled', () => {
    expect(toCsv([['a,b', 'say "hi"', 'one\ntwo', 'cr\r']], { lang: 'en', bom: false })).toBe('"a,b","say ""hi""","one\ntwo","cr\r"\r\n');
  });
  test('when Swedish is asked, then a BOM, semicolons and decimal commas; a comma alone is not quoted', () => {
    expect(toCsv([['Yta', 'Not'], [1.5, 'a, b'], [-0.75, 'x;y']], { lang: 'sv', bom: true })).toBe('\uFEFFYta;Not\r\n1,5;a, b\r\n-0,75;"x;y"\r\n');
  });
  test('when there are no rows, then an empty text', () => {
    expect(toCsv([], { lang: 'sv', bom: false })).toBe('');
  });
});
