import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Caller,
  divisionHeaderDescription,
  organisationRoles,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
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
  async start(
    @Req() request: Request,
    @Query() query: StartImportQuery,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!request.is('text/csv')) {
      throw new RequestValidationError([
        { field: 'Content-Type', message: 'must be text/csv, with a header line naming the columns' },
      ]);
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
