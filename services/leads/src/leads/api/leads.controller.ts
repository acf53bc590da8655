import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Caller,
  etagFor,
  expectedVersionFrom,
  type RequestContext,
  RequestValidationError,
  UnsupportedMediaTypeError,
  UuidParam,
  IfMatch,
  IdempotentWrites,
  NotIdempotent,
  ProblemResponses,
} from '@salesos/http';
import { leadRoutingRoles, organisationRoles, reaches, type RecordOwnership, RequireRoles } from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import { csvLine } from '../../shared/csv';
import { LeadImports } from '../application/lead-imports.service';
import { AssignmentService } from '../../assignment/application/assignment.service';
import { LeadCommands, type LeadResult } from '../application/lead-commands.service';
import { toCaptureInput } from './capture-input';
import { LeadError, LeadErrorCode } from '../domain/lead.errors';
import type { LeadEvent } from '../domain/lead.events';
import { LeadDirectory, type LeadFilter } from '../projections/lead-directory';
import { CaptureLeadRequest } from './capture-lead.request.dto';
import {
  AssignLeadRequest,
  DisqualifyLeadRequest,
  MergeLeadRequest,
  NurtureLeadRequest,
  QualifyLeadRequest,
} from './lead-actions.request.dto';
import { ListLeadsQuery } from './list-leads.query.dto';
import { StartImportQuery } from './start-import.query.dto';
import { pageWindow } from '@salesos/http';
import { ReviseLeadRequest, toDetailsChanges } from './revise-lead.request.dto';

const uuid = new UuidParam('leadId');
const exportColumns = [
  'lead_id',
  'status',
  'source',
  'company_name',
  'contact_name',
  'territory',
  'score',
  'owner_rep_id',
  'segment_ids',
  'captured_at',
];

function changed(result: LeadResult, response: Response): { leadId: string; version: number; status: string } {
  response.setHeader('ETag', etagFor(result.version));
  const state = result.state;
  return {
    leadId: result.streamId.slice('lead-'.length),
    version: result.version,
    status: state.status,
  };
}

/** The caller's division and the query's filters. */
function leadFilter(query: ListLeadsQuery, caller: RequestContext): LeadFilter {
  const { principal } = caller;
  return {
    divisionId: caller.divisionId,
    ...(principal === undefined ? {} : { reached: (lead: RecordOwnership) => reaches(principal, lead) }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.ownerRepId ? { ownerRepId: query.ownerRepId } : {}),
    ...(query.segmentId ? { segmentId: query.segmentId } : {}),
    ...(query.source ? { source: query.source } : {}),
  };
}

/** Thin: validates, reads the caller, hands over to LeadCommands, shapes the answer. */
@ApiTags('leads')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@IdempotentWrites()
@Controller('leads')
@RequireRoles(...organisationRoles)
export class LeadsController {
  constructor(
    @Inject(LeadCommands) private readonly commands: LeadCommands,
    @Inject(LeadDirectory) private readonly directory: LeadDirectory,
    @Inject(LeadImports) private readonly imports: LeadImports,
    @Inject(AssignmentService) private readonly assignment: AssignmentService,
  ) {}

  @Post()
  @HttpCode(201)
  async capture(
    @Body() body: CaptureLeadRequest,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.capture(toCaptureInput(body), caller);
    const leadId = result.streamId.slice('lead-'.length);
    const assignment = await this.assignment.assignCaptured(result, body.territory, caller);
    const captured = result.events.find(
      (event): event is Extract<LeadEvent, { type: 'LeadCaptured' }> => event.type === 'LeadCaptured',
    );
    const scored = result.events.find(
      (event): event is Extract<LeadEvent, { type: 'LeadScored' }> => event.type === 'LeadScored',
    );
    const version = assignment?.version ?? result.version;
    response.setHeader('ETag', etagFor(version));
    response.setHeader('Location', `/leads/${leadId}`);
    return {
      leadId,
      version,
      ...(assignment ? { ownerRepId: assignment.repId, assignmentRule: assignment.rule } : {}),
      score: scored?.data.score,
      scoreReasons: scored?.data.reasons,
      segmentIds: captured?.data.segmentIds,
      acceptedDuplicatesOf: captured?.data.acceptedDuplicatesOf,
    };
  }

  @Get()
  list(@Query() query: ListLeadsQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = this.directory.find(leadFilter(query, caller), offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('export')
  @ApiProduces('text/csv')
  export(@Query() query: ListLeadsQuery, @Caller() caller: RequestContext, @Res() response: Response): void {
    const { items } = this.directory.find(leadFilter(query, caller), 0, Number.MAX_SAFE_INTEGER);
    response.status(200).type('text/csv').setHeader('Content-Disposition', 'attachment; filename="leads.csv"');
    response.write(csvLine(exportColumns));
    for (const lead of items) {
      response.write(
        csvLine([
          lead.leadId,
          lead.status,
          lead.source,
          lead.companyName,
          lead.contactName,
          lead.territory,
          lead.score,
          lead.ownerRepId,
          lead.segmentIds.join(';'),
          lead.capturedAt,
        ]),
      );
    }
    response.end();
  }

  @Post('imports')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'A header line naming the columns, then one lead per line.',
    schema: { type: 'string', example: 'source,company_name,contact_name\r\nweb,Acme GmbH,Ada Lovelace\r\n' },
  })
  // Each upload starts a job of its own; an interrupted one is resumed with ?resumes=.
  @NotIdempotent()
  @ProblemResponses({ 404: 'The import that `resumes` names is not one you may follow.' })
  async startImport(
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

  @Get('imports/:importId')
  async importStatus(@Param('importId', new UuidParam('importId')) importId: string, @Caller() caller: RequestContext) {
    const job = await this.imports.get(importId, caller);
    if (job === undefined) throw new LeadError(LeadErrorCode.ImportNotFound, `No import ${importId} in your division`);
    return job;
  }

  @Get(':leadId')
  async get(
    @Param('leadId', uuid) leadId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.commands.load(leadId);
    if (!this.commands.runner.shows(caller, state)) {
      throw new LeadError(LeadErrorCode.NotFound, 'No lead with this id in your reach');
    }
    response.setHeader('ETag', etagFor(version));
    return { ...state, version };
  }

  @Patch(':leadId')
  async revise(
    @Param('leadId', uuid) leadId: string,
    @Body() body: ReviseLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const changes = toDetailsChanges(body);
    if (Object.keys(changes).length === 0) {
      throw new RequestValidationError([
        { field: 'body', message: 'name at least one of contact, company, territory, estimatedValue, needTags' },
      ]);
    }
    const result = await this.commands.revise(leadId, changes, caller, expectedVersionFrom(ifMatch));
    const state = result.state;
    return {
      ...changed(result, response),
      ...(state.status === 'none' ? {} : { segmentIds: state.segmentIds, score: state.score }),
    };
  }

  @Post(':leadId/qualification')
  @HttpCode(200)
  async qualify(
    @Param('leadId', uuid) leadId: string,
    @Body() body: QualifyLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return changed(await this.commands.qualify(leadId, body.note, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':leadId/disqualification')
  @HttpCode(200)
  async disqualify(
    @Param('leadId', uuid) leadId: string,
    @Body() body: DisqualifyLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return changed(await this.commands.disqualify(leadId, body.reason, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':leadId/nurturing')
  @HttpCode(200)
  async nurture(
    @Param('leadId', uuid) leadId: string,
    @Body() body: NurtureLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = { ...(body.until ? { until: body.until } : {}), ...(body.note ? { note: body.note } : {}) };
    return changed(await this.commands.nurture(leadId, data, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Put(':leadId/owner')
  @RequireRoles(...leadRoutingRoles)
  async assign(
    @Param('leadId', uuid) leadId: string,
    @Body() body: AssignLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return changed(await this.commands.assign(leadId, body.repId, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':leadId/merge')
  @HttpCode(200)
  async merge(
    @Param('leadId', uuid) leadId: string,
    @Body() body: MergeLeadRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return changed(await this.commands.merge(leadId, body.intoLeadId, caller, expectedVersionFrom(ifMatch)), response);
  }
}
