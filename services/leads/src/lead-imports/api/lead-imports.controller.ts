import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  Caller,
  divisionHeaderDescription,
  NotIdempotent,
  organisationRoles,
  ProblemResponses,
  type RequestContext,
  RequireRoles,
  UnsupportedMediaTypeError,
  UuidParam,
} from '@salesos/http';
import { LeadImports } from '../application/lead-imports';
import { LeadImportError, LeadImportErrorCode } from '../domain/lead-import.errors';
import { StartImportQuery } from './start-import.query.dto';

/** CSV imports of leads: started with the file, followed by their job. */
@ApiTags('leads')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@Controller('leads/imports')
@RequireRoles(...organisationRoles)
export class LeadImportsController {
  constructor(@Inject(LeadImports) private readonly imports: LeadImports) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'A header line naming the columns, then one lead per line. At most `SALESOS_IMPORT_MAX_BYTES` bytes and ' +
      '`SALESOS_IMPORT_MAX_ROWS` data rows (blank lines not counted; 413 beyond, and nothing is kept).',
    schema: { type: 'string', example: 'source,company_name,contact_name\r\nweb,Acme GmbH,Ada Lovelace\r\n' },
  })
  // Each upload starts a job of its own; a failed one is resumed with ?resumes=, an interrupted one by itself.
  @NotIdempotent()
  @ProblemResponses({ 404: 'The import that `resumes` names is not one you may follow.' })
  async start(
    @Req() request: Readable & { headers: Record<string, string | string[] | undefined> },
    @Query() query: StartImportQuery,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): unknown },
  ) {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'text/csv') {
      throw new UnsupportedMediaTypeError('Content-Type', 'must be text/csv, with a header line naming the columns');
    }
    const declared = Number(request.headers['content-length']);
    const { job } = await this.imports.start(request, caller, {
      ...(query.resumes === undefined ? {} : { resumes: query.resumes }),
      ...(Number.isSafeInteger(declared) ? { declaredBytes: declared } : {}),
    });
    response.setHeader('Location', `/leads/imports/${job.importId}`);
    return job;
  }

  @Get(':importId')
  async status(@Param('importId', new UuidParam('importId')) importId: string, @Caller() caller: RequestContext) {
    const job = await this.imports.get(importId, caller);
    if (job === undefined)
      throw new LeadImportError(LeadImportErrorCode.NotFound, `No import ${importId} in your division`);
    return job;
  }
}
