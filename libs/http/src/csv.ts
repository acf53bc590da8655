const quote = 0x22;
const comma = 0x2c;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const space = 0x20;
const tab = 0x09;

/**
 * RFC 4180 CSV, streamed: `CsvRowReader` takes chunks of any size and yields complete rows, so a file of any size
 * is read with constant memory. Quoted fields may hold commas, quotes ("") and line breaks.
 */
export class CsvRowReader {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  /** A quote just closed a quoted field; the next character decides whether it was an escaped quote. */
  private quoteClosed = false;
  private fieldStarted = false;

  /**
   * With `collapseBlankLines`, a line of nothing but commas, spaces and tabs comes back as `CsvRowReader.blankLine`
   * (one shared empty row) without its cells being built: a file of blank lines costs a pointer per line.
   */
  constructor(private readonly options: { collapseBlankLines?: boolean } = {}) {}

  /** The row a blank line reads as, with `collapseBlankLines`. */
  static readonly blankLine: readonly string[] = Object.freeze([]);

  /** Rows completed by this chunk. Runs of plain characters and quoted text are taken whole, not one by one. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    const length = chunk.length;
    let at = 0;
    while (at < length) {
      if (this.quoted) {
        const close = chunk.indexOf('"', at);
        if (close === -1) {
          this.field += chunk.slice(at);
          break;
        }
        this.field += chunk.slice(at, close);
        this.quoted = false;
        this.quoteClosed = true;
        at = close + 1;
        continue;
      }
      if (this.options.collapseBlankLines === true && this.atRowStart()) {
        const end = blankLineEnd(chunk, at);
        if (end !== -1) {
          rows.push(CsvRowReader.blankLine as string[]);
          at = end;
          continue;
        }
      }
      const char = chunk.charCodeAt(at);
      if (this.quoteClosed && char === quote) {
        this.field += '"';
        this.quoted = true;
        this.quoteClosed = false;
        at += 1;
        continue;
      }
      this.quoteClosed = false;
      if (char === quote && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        at += 1;
      } else if (char === comma) {
        this.endField();
        at += 1;
      } else if (char === lineFeed) {
        this.endField();
        rows.push(this.row);
        this.row = [];
        at += 1;
      } else if (char === carriageReturn) {
        at += 1;
      } else {
        // A quote inside a field that did not start with one is text.
        let end = at + 1;
        while (end < length) {
          const next = chunk.charCodeAt(end);
          if (next === comma || next === lineFeed || next === carriageReturn || next === quote) break;
          end += 1;
        }
        this.field += chunk.slice(at, end);
        this.fieldStarted = true;
        at = end;
      }
    }
    return rows;
  }

  /** The last row, when the input does not end with a line break. */
  end(): string[][] {
    if (this.quoted) throw new Error('The CSV ends inside a quoted field');
    if (!this.fieldStarted && this.row.length === 0) return [];
    this.endField();
    const last = this.row;
    this.row = [];
    return [last];
  }

  private atRowStart(): boolean {
    return this.row.length === 0 && !this.fieldStarted && !this.quoteClosed && this.field === '';
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }
}

/** Where a blank line starting at `from` ends (after its line feed), or -1 when the line is not blank or not whole. */
function blankLineEnd(chunk: string, from: number): number {
  for (let at = from; at < chunk.length; at += 1) {
    const char = chunk.charCodeAt(at);
    if (char === lineFeed) return at + 1;
    if (char !== comma && char !== carriageReturn && char !== space && char !== tab) return -1;
  }
  return -1;
}

/** One CSV line; fields with commas, quotes or line breaks are quoted, and formulas are neutralised for spreadsheets. */
export function csvLine(values: readonly (string | number | undefined)[]): string {
  return `${values
    .map((value) => {
      let text = value === undefined ? '' : String(value);
      if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
