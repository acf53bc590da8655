import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CsvRowReader, type FieldError, fieldErrorsOf, requestJsonProblems } from '@salesos/http';
import type { ImportRow } from '../application/import-people.handler';
import { invalidPersonInput, PersonError, PersonErrorCode } from '../domain/person.errors';
import { HirePersonRequest } from './person.request.dto';

/** The columns a people import may name, each the hire request's field of the same meaning. */
export const personCsvColumns = {
  person_id: 'personId',
  name: 'name',
  email: 'email',
  unit_id: 'unitId',
  position_id: 'positionId',
  hired_on: 'hiredOn',
  user_id: 'userId',
} as const;
type Column = keyof typeof personCsvColumns;

const columns = Object.keys(personCsvColumns) as Column[];
const requiredColumns: Column[] = ['name', 'email', 'unit_id', 'position_id', 'hired_on'];

/** The column a hire request's field is read from, so that a row's refusal names what the file calls it. */
export function columnOf(field: string): string {
  const [head = field, ...rest] = field.split('.');
  const column = columns.find((candidate) => personCsvColumns[candidate] === head);
  return column === undefined ? field : [column, ...rest].join('.');
}

/** How large a file one import takes: a request's worth, answered at once. */
export interface PeopleImportLimits {
  maxBytes: number;
  maxRows: number;
}

export const peopleImportLimits: PeopleImportLimits = { maxBytes: 1024 * 1024, maxRows: 2_000 };

/** A file read into its header and data rows, each with its place (the header being line 1). */
export interface PeopleCsv {
  header: Column[];
  rows: Array<{ line: number; cells: string[] }>;
  blankRows: number;
}

/** A line with nothing in any cell (`,,,` or an empty line). */
const isBlank = (row: readonly string[]): boolean =>
  row === CsvRowReader.blankLine || row.every((cell) => cell.trim() === '');

const tooLarge = (message: string) => new PersonError(PersonErrorCode.ImportTooLarge, message);

function checkHeader(cells: readonly string[]): Column[] {
  const header = cells.map((cell) => cell.trim().toLowerCase());
  const unknown = header.filter((cell) => !(columns as string[]).includes(cell));
  const missing = requiredColumns.filter((column) => !header.includes(column));
  const twice = header.filter((cell, index) => header.indexOf(cell) !== index);
  if (unknown.length > 0 || missing.length > 0 || twice.length > 0) {
    throw invalidPersonInput(
      'header',
      `The header names columns from ${columns.join(', ')}, each once, and at least ${requiredColumns.join(', ')}` +
        `${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}` +
        `${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}` +
        `${twice.length > 0 ? `; named twice: ${twice.join(', ')}` : ''}`,
    );
  }
  return header as Column[];
}

/**
 * Reads an import file (UTF-8 CSV, a header line then one person per line) up to the limits: a larger file is
 * refused whole (413) before anyone is hired. Blank lines are skipped and counted.
 */
export async function readPeopleCsv(body: Readable, limits: PeopleImportLimits): Promise<PeopleCsv> {
  const reader = new CsvRowReader({ collapseBlankLines: true });
  const decoder = new StringDecoder('utf8');
  const read: string[][] = [];
  let bytes = 0;
  let filled = 0;
  const take = (rows: string[][]) => {
    for (const row of rows) {
      read.push(row);
      if (!isBlank(row)) filled += 1;
    }
    // The header is a filled line too.
    if (filled > limits.maxRows + 1)
      throw tooLarge(`An import takes at most ${limits.maxRows} rows besides the header`);
  };
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limits.maxBytes) throw tooLarge(`An import takes at most ${limits.maxBytes} bytes`);
    take(reader.push(decoder.write(buffer)));
  }
  try {
    take(reader.push(decoder.end()));
    take(reader.end());
  } catch (error) {
    if (error instanceof PersonError) throw error;
    throw invalidPersonInput('body', error instanceof Error ? error.message : 'The file is not CSV');
  }
  const [first, ...rest] = read;
  if (first === undefined || isBlank(first)) {
    throw invalidPersonInput('body', 'The file starts with a header line naming its columns');
  }
  // A byte order mark some spreadsheets write is no part of the first column's name.
  const header = checkHeader(first.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, '') : cell)));
  const rows: PeopleCsv['rows'] = [];
  let blankRows = 0;
  rest.forEach((cells, index) => {
    if (isBlank(cells)) blankRows += 1;
    else rows.push({ line: index + 2, cells });
  });
  return { header, rows, blankRows };
}

/**
 * One row as the hire request it stands for, checked by the same rules as a hire over HTTP; empty cells are left
 * out. Its refusals name the request's fields, which `columnOf` turns into the file's columns.
 */
export async function importRowOf(
  header: readonly Column[],
  row: { line: number; cells: string[] },
): Promise<ImportRow> {
  const { line, cells } = row;
  if (cells.length > header.length) {
    return {
      line,
      errors: [{ field: 'line', message: `holds ${cells.length} cells; the header names ${header.length}` }],
    };
  }
  const body: Record<string, string> = {};
  header.forEach((column, index) => {
    const value = cells[index]?.trim() ?? '';
    if (value !== '') body[personCsvColumns[column]] = value;
  });
  const unreadable = requestJsonProblems(body);
  const problems: FieldError[] =
    unreadable.length > 0
      ? unreadable
      : fieldErrorsOf(
          await validate(plainToInstance(HirePersonRequest, body), { whitelist: true, forbidNonWhitelisted: true }),
        );
  if (problems.length > 0) return { line, errors: problems };
  const request = plainToInstance(HirePersonRequest, body);
  return {
    line,
    hire: {
      ...(request.personId === undefined ? {} : { personId: request.personId }),
      name: request.name,
      email: request.email,
      unitId: request.unitId,
      positionId: request.positionId,
      hiredOn: request.hiredOn,
      ...(request.userId === undefined ? {} : { userId: request.userId }),
    },
  };
}
