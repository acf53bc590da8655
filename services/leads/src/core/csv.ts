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

  /** Rows completed by this chunk. */
  push(chunk: string): string[][] {
    const rows: string[][] = [];
    for (const char of chunk) {
      if (this.quoted) {
        if (char === '"') {
          this.quoted = false;
          this.quoteClosed = true;
        } else this.field += char;
        continue;
      }
      if (this.quoteClosed && char === '"') {
        this.field += '"';
        this.quoted = true;
        this.quoteClosed = false;
        continue;
      }
      this.quoteClosed = false;
      if (char === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else if (char === ',') {
        this.endField();
      } else if (char === '\n') {
        this.endField();
        rows.push(this.row);
        this.row = [];
      } else if (char !== '\r') {
        this.field += char;
        this.fieldStarted = true;
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

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }
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
