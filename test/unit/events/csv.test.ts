import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../server/modules/events/csv';

describe('formula-safe CSV', () => {
  it('neutralises cells a spreadsheet would evaluate', () => {
    for (const dangerous of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(csvCell(dangerous).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('quotes commas, quotes and line breaks and leaves plain cells alone', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2027-01-02T03:04:05Z'))).toBe('2027-01-02T03:04:05.000Z');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
