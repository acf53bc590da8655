import fc from 'fast-check';
import { CsvRowReader, csvLine } from './csv';

function readAll(text: string, chunkSize: number, collapseBlankLines = false): string[][] {
  const reader = new CsvRowReader({ collapseBlankLines });
  const rows: string[][] = [];
  for (let index = 0; index < text.length; index += chunkSize)
    rows.push(...reader.push(text.slice(index, index + chunkSize)));
  return [...rows, ...reader.end()];
}

/** The reader's rules taken one character at a time: what the reader, which takes runs of text whole, must equal. */
function readByCharacter(text: string): string[][] | 'unterminated' {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteClosed = false;
  let started = false;
  const endField = () => {
    row.push(field);
    field = '';
    started = false;
  };
  for (const char of text) {
    if (quoted) {
      if (char === '"') {
        quoted = false;
        quoteClosed = true;
      } else field += char;
      continue;
    }
    if (quoteClosed && char === '"') {
      field += '"';
      quoted = true;
      quoteClosed = false;
      continue;
    }
    quoteClosed = false;
    if (char === '"' && !started) {
      quoted = true;
      started = true;
    } else if (char === ',') endField();
    else if (char === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (char !== '\r') {
      field += char;
      started = true;
    }
  }
  if (quoted) return 'unterminated';
  if (!started && row.length === 0) return rows;
  endField();
  return [...rows, row];
}

describe('CSV', () => {
  it('reads any text as the character-by-character rules do, in chunks of any size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '\u00e9', '\ud83d\ude00'), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (characters, size) => {
          const text = characters.join('');
          const expected = readByCharacter(text);
          if (expected === 'unterminated') expect(() => readAll(text, size)).toThrow(/inside a quoted field/);
          else expect(readAll(text, size)).toEqual(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('reads blank lines as one shared empty row when asked to, and every other line as before', () => {
    const blank = (row: string[]) => row.every((cell) => /^[ \t]*$/.test(cell));
    const collapsed = (rows: string[][]) => rows.map((row) => (blank(row) ? [] : row));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ', '\t'), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (characters, size) => {
          const text = characters.join('');
          const expected = readByCharacter(text);
          if (expected === 'unterminated') expect(() => readAll(text, size, true)).toThrow(/inside a quoted field/);
          else expect(collapsed(readAll(text, size, true))).toEqual(collapsed(expected));
        },
      ),
      { numRuns: 2_000 },
    );
    const rows = readAll('a,b\r\n,,\r\n\r\n \t,\r\nc,d\r\n', 1000, true);
    expect(rows).toEqual([['a', 'b'], [], [], [], ['c', 'd']]);
    expect(rows[1]).toBe(CsvRowReader.blankLine);
  });

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
