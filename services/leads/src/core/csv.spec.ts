import fc from 'fast-check';
import { CsvRowReader, csvLine } from './csv';

function readAll(text: string, chunkSize: number): string[][] {
  const reader = new CsvRowReader();
  const rows: string[][] = [];
  for (let index = 0; index < text.length; index += chunkSize)
    rows.push(...reader.push(text.slice(index, index + chunkSize)));
  return [...rows, ...reader.end()];
}

describe('CSV', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, in chunks of any size', () => {
    const text = 'name,note\r\n"Acme, Inc.","said ""hi""\nthen left"\r\nBob,\r\n';
    for (const size of [1, 2, 5, 1000]) {
      expect(readAll(text, size)).toEqual([
        ['name', 'note'],
        ['Acme, Inc.', 'said "hi"\nthen left'],
        ['Bob', ''],
      ]);
    }
  });

  it('reads a last line without a line break, and refuses an unterminated quote', () => {
    expect(readAll('a,b\nc,d', 3)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(() => readAll('a,"b', 10)).toThrow(/inside a quoted field/);
  });

  it('writes what it reads back, neutralising spreadsheet formulas', () => {
    expect(csvLine(['=SUM(A1)', 'plain', undefined, 42])).toBe("'=SUM(A1),plain,,42\r\n");
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.string().filter((text) => !/^[=+\-@\t\r]/.test(text)),
            { minLength: 1, maxLength: 5 },
          ),
          { maxLength: 5 },
        ),
        (rows) => {
          const text = rows.map((row) => csvLine(row)).join('');
          expect(readAll(text, 7)).toEqual(rows.map((row) => (row.length === 1 && row[0] === '' ? [''] : row)));
        },
      ),
    );
  });
});
