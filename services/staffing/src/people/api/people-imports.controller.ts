import { HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  type RequestContext,
  RequireRoles,
  UnsupportedMediaTypeError,
} from '@salesos/http';
import { ImportPeopleHandler, type PeopleImportReport } from '../application/import-people.handler';
import { columnOf, importRowOf, peopleImportLimits, readPeopleCsv } from './people-csv';

/** The report with every refusal naming the file's column rather than the hire request's field. */
const inFileTerms = (report: PeopleImportReport): PeopleImportReport => ({
  ...report,
  results: report.results.map((result) =>
    result.errors === undefined
      ? result
      : { ...result, errors: result.errors.map((error) => ({ ...error, field: columnOf(error.field) })) },
  ),
});

/**
 * People hired from a CSV file, one row at a time, answered with a report on every row: the rows the rules refuse
 * are named with why, and the others are hired. For the division's managers, sales directors and admins.
 */
@DivisionController('people', 'people/imports')
export class PeopleImportsController {
  constructor(@Inject(ImportPeopleHandler) private readonly importPeople: ImportPeopleHandler) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'A header line naming the columns (person_id, name, email, unit_id, position_id, hired_on, user_id; name, ' +
      'email, unit_id, position_id and hired_on required), then one person per line. At most ' +
      `${peopleImportLimits.maxBytes} bytes and ${peopleImportLimits.maxRows} rows (413 beyond, and nobody is hired).`,
    schema: {
      type: 'string',
      example:
        'person_id,name,email,unit_id,position_id,hired_on,user_id\r\n' +
        'emp-10417,Mira Jansen,mira.jansen@example.com,presses-south,account-executive,2026-03-02,rep-mira\r\n',
    },
  })
  async import(
    @Req() request: Readable & { headers: Record<string, string | string[] | undefined> },
    @Caller() caller: RequestContext,
  ) {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'text/csv') {
      throw new UnsupportedMediaTypeError('Content-Type', 'must be text/csv, with a header line naming the columns');
    }
    const file = await readPeopleCsv(request, peopleImportLimits);
    const rows = await Promise.all(file.rows.map((row) => importRowOf(file.header, row)));
    return inFileTerms(await this.importPeople.execute(rows, file.blankRows, caller));
  }
}
