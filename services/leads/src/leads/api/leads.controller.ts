import { Body, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  leadRoutingRoles,
  organisationRoles,
  pageWindow,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
  rowScope,
  UuidParam,
} from '@salesos/http';
import { csvLine } from '@salesos/http';
import { AssignLeadHandler } from '../application/assign-lead.handler';
import { CaptureLeadHandler, type LeadResult } from '../application/capture-lead.handler';
import { DisqualifyLeadHandler } from '../application/disqualify-lead.handler';
import { LeadDirectory, type LeadFilter } from '../application/lead-directory.port';
import { LeadStreams } from '../application/lead-streams';
import { MergeLeadHandler } from '../application/merge-lead.handler';
import { NurtureLeadHandler } from '../application/nurture-lead.handler';
import { QualifyLeadHandler } from '../application/qualify-lead.handler';
import { ReadLeadQuery } from '../application/read-lead.query';
import { ReviseLeadHandler } from '../application/revise-lead.handler';
import { toCaptureInput } from './capture-input';
import { CaptureLeadRequest } from './capture-lead.request.dto';
import {
  AssignLeadRequest,
  DisqualifyLeadRequest,
  MergeLeadRequest,
  NurtureLeadRequest,
  QualifyLeadRequest,
} from './lead-actions.request.dto';
import { ListLeadsQuery } from './list-leads.query.dto';
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
  return { leadId: LeadStreams.idOf(result), version: result.version, status: result.state.status };
}

/** The caller's division and the query's filters. */
function leadFilter(query: ListLeadsQuery, caller: RequestContext): LeadFilter {
  const { principal } = caller;
  return {
    divisionId: caller.divisionId,
    ...(principal === undefined ? {} : { scope: rowScope(principal) }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.ownerRepId ? { ownerRepId: query.ownerRepId } : {}),
    ...(query.segmentId ? { segmentId: query.segmentId } : {}),
    ...(query.source ? { source: query.source } : {}),
  };
}

/** Thin: validates, reads the caller, hands over to one handler per command, shapes the answer. */
@DivisionController('leads', 'leads')
@RequireRoles(...organisationRoles)
export class LeadsController {
  constructor(
    @Inject(CaptureLeadHandler) private readonly captureLead: CaptureLeadHandler,
    @Inject(ReviseLeadHandler) private readonly reviseLead: ReviseLeadHandler,
    @Inject(QualifyLeadHandler) private readonly qualifyLead: QualifyLeadHandler,
    @Inject(DisqualifyLeadHandler) private readonly disqualifyLead: DisqualifyLeadHandler,
    @Inject(NurtureLeadHandler) private readonly nurtureLead: NurtureLeadHandler,
    @Inject(AssignLeadHandler) private readonly assignLead: AssignLeadHandler,
    @Inject(MergeLeadHandler) private readonly mergeLead: MergeLeadHandler,
    @Inject(ReadLeadQuery) private readonly readLead: ReadLeadQuery,
    @Inject(LeadDirectory) private readonly directory: LeadDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  async capture(
    @Body() body: CaptureLeadRequest,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const captured = await this.captureLead.execute(toCaptureInput(body), caller);
    const { version } = captured.result;
    response.setHeader('ETag', etagFor(version));
    response.setHeader('Location', `/leads/${captured.leadId}`);
    return {
      leadId: captured.leadId,
      version,
      ...(captured.routing ? { ownerRepId: captured.routing.repId, assignmentRule: captured.routing.rule } : {}),
      score: captured.scored?.score,
      scoreReasons: captured.scored?.reasons,
      segmentIds: captured.segmentIds,
      acceptedDuplicatesOf: captured.acceptedDuplicatesOf,
    };
  }

  @Get()
  async list(@Query() query: ListLeadsQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.directory.find(leadFilter(query, caller), offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('export')
  @ApiProduces('text/csv')
  async export(@Query() query: ListLeadsQuery, @Caller() caller: RequestContext, @Res() response: Response) {
    const { items } = await this.directory.find(leadFilter(query, caller), 0, Number.MAX_SAFE_INTEGER);
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

  @Get(':leadId')
  async get(
    @Param('leadId', uuid) leadId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { lead, version } = await this.readLead.execute(leadId, caller);
    response.setHeader('ETag', etagFor(version));
    return { ...lead, version };
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
    const result = await this.reviseLead.execute(leadId, changes, caller, expectedVersionFrom(ifMatch));
    const { state } = result;
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
    return changed(await this.qualifyLead.execute(leadId, body.note, caller, expectedVersionFrom(ifMatch)), response);
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
    return changed(
      await this.disqualifyLead.execute(leadId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
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
    return changed(await this.nurtureLead.execute(leadId, data, caller, expectedVersionFrom(ifMatch)), response);
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
    return changed(await this.assignLead.execute(leadId, body.repId, caller, expectedVersionFrom(ifMatch)), response);
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
    return changed(
      await this.mergeLead.execute(leadId, body.intoLeadId, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
