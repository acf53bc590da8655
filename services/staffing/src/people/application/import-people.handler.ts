import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IdempotencyKeyReusedError } from '@salesos/event-sourcing';
import type { FieldError, RequestContext } from '@salesos/http';
import { PersonError, PersonErrorCode } from '../domain/person.errors';
import { type Hire, HirePersonHandler } from './hire-person.handler';

/** One data row of an import as read: the hire it asks for, or what is wrong with it. */
export type ImportRow = { line: number } & ({ hire: Hire } | { errors: FieldError[] });

/** What became of one row: the person hired (or hired already by the same row before), or why not. */
export interface ImportedRow {
  /** The row's place in the file, the header being 1. */
  line: number;
  outcome: 'hired' | 'repeated' | 'refused';
  personId?: string;
  /** The refusal's code, as the API's problems name it. */
  code?: string;
  reason?: string;
  /** The request fields at fault. */
  errors?: FieldError[];
}

export interface PeopleImportReport {
  rows: number;
  hired: number;
  repeated: number;
  refused: number;
  /** Lines with nothing in any cell: skipped, only counted. */
  blankRows: number;
  results: ImportedRow[];
}

const refused = (line: number, errors: FieldError[]): ImportedRow => ({
  line,
  outcome: 'refused',
  code: PersonErrorCode.InvalidInput,
  reason: 'The row is not a valid hire',
  errors,
});

/** A fingerprint of a row's hire, so that a key used again for a changed row is refused rather than repeated. */
const fingerprintOf = (hire: Hire): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(hire).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('base64url');

/**
 * Hires the people of an import one row at a time, as single hires would, and reports on every row: a row the rules
 * refuse is reported and the next one goes on. Under an Idempotency-Key each row runs under a key of its own (the
 * import's key and the row's line), so the same file sent again hires nobody twice; without one, a row naming no
 * person id hires a new person each time.
 */
@Injectable()
export class ImportPeopleHandler {
  constructor(@Inject(HirePersonHandler) private readonly hires: HirePersonHandler) {}

  async execute(rows: readonly ImportRow[], blankRows: number, caller: RequestContext): Promise<PeopleImportReport> {
    const results: ImportedRow[] = [];
    for (const row of rows)
      results.push('errors' in row ? refused(row.line, row.errors) : await this.hire(row, caller));
    const count = (outcome: ImportedRow['outcome']) => results.filter((result) => result.outcome === outcome).length;
    return {
      rows: rows.length,
      hired: count('hired'),
      repeated: count('repeated'),
      refused: count('refused'),
      blankRows,
      results,
    };
  }

  private async hire(row: { line: number; hire: Hire }, caller: RequestContext): Promise<ImportedRow> {
    const { line, hire } = row;
    const key = caller.idempotencyKey === undefined ? undefined : `${caller.idempotencyKey}:line-${line}`;
    const context: RequestContext =
      key === undefined
        ? caller
        : { ...caller, idempotencyKey: key, idempotentRequest: { key, fingerprint: fingerprintOf(hire) } };
    try {
      const result = await this.hires.execute(hire, context);
      return { line, outcome: result.repeated ? 'repeated' : 'hired', personId: result.personId };
    } catch (error) {
      if (error instanceof PersonError) {
        return {
          line,
          outcome: 'refused',
          ...(hire.personId === undefined ? {} : { personId: hire.personId }),
          code: error.code,
          reason: error.message,
          ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
        };
      }
      if (error instanceof IdempotencyKeyReusedError) {
        return {
          line,
          outcome: 'refused',
          code: 'idempotency-key-reused',
          reason: 'Under this Idempotency-Key the line held another row before: send a changed file with a new key',
        };
      }
      throw error;
    }
  }
}
