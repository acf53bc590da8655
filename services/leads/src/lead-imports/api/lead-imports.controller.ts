import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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
    description: 'A header line naming the columns, then one lead per line.',
    schema: { type: 'string', example: 'source,company_name,contact_name\r\nweb,Acme GmbH,Ada Lovelace\r\n' },
  })
  // Each upload starts a job of its own; an interrupted one is resumed with ?resumes=.
  @NotIdempotent()
  @ProblemResponses({ 404: 'The import that `resumes` names is not one you may follow.' })
  async start(
    @Req() request: Request,
    @Query() query: StartImportQuery,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!request.is('text/csv')) {
      throw new UnsupportedMediaTypeError('Content-Type', 'must be text/csv, with a header line naming the columns');
    }
    const { job, received } = await this.imports.start(request, caller, query.resumes);
    // A broken upload fails the job, which its status shows; the answer still names the job.
    await received.catch(() => undefined);
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
