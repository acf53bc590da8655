import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  etagFor,
  expectedVersionFrom,
  type RequestContext,
  UuidParam,
  IfMatch,
  IdempotentWrites,
} from '@salesos/http';
import { divisionSetupRoles, organisationRoles, RequireRoles } from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import { SegmentCommands, type SegmentResult } from '../application/segment-commands.service';
import type { SegmentCriteria } from '../domain/segment-criteria';
import { SegmentCatalog } from '../projections/segment-catalog';
import { DefineSegmentRequest, RetireSegmentRequest, type SegmentCriteriaRequest } from './segment.request.dto';

const segmentIdParam = new UuidParam('segmentId');

/** DTO instances become plain data: events hold only plain JSON. */
function toCriteria(request: SegmentCriteriaRequest): SegmentCriteria {
  const { priceBand } = request;
  return {
    ...(request.industries ? { industries: [...request.industries] } : {}),
    ...(request.sizeBands ? { sizeBands: [...request.sizeBands] } : {}),
    ...(priceBand
      ? {
          priceBand: {
            currency: priceBand.currency,
            ...(priceBand.min === undefined ? {} : { min: priceBand.min }),
            ...(priceBand.max === undefined ? {} : { max: priceBand.max }),
          },
        }
      : {}),
    ...(request.territories ? { territories: [...request.territories] } : {}),
    ...(request.needTags ? { needTags: [...request.needTags] } : {}),
  };
}

function answer(result: SegmentResult, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return { segmentId: result.streamId.slice('segment-'.length), version: result.version, status: result.state.status };
}

@ApiTags('segments')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@IdempotentWrites()
@Controller('segments')
// A dealer's users work their deals; the division's audiences and routing are the organisation's own.
@RequireRoles(...organisationRoles)
export class SegmentsController {
  constructor(
    @Inject(SegmentCommands) private readonly commands: SegmentCommands,
    @Inject(SegmentCatalog) private readonly catalog: SegmentCatalog,
  ) {}

  @Get()
  list(@Caller() caller: RequestContext) {
    return { items: this.catalog.list(caller.divisionId) };
  }

  /** Segments are the division's: every role that works its leads reads them, as in the list. */
  @Get(':segmentId')
  async get(
    @Param('segmentId', segmentIdParam) segmentId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.commands.read(segmentId, caller);
    response.setHeader('ETag', etagFor(version));
    return { ...state, version };
  }

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async define(
    @Body() body: DefineSegmentRequest,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.commands.define(body.name, toCriteria(body.criteria), caller);
    response.setHeader('Location', `/segments/${result.streamId.slice('segment-'.length)}`);
    return answer(result, response);
  }

  @Put(':segmentId')
  @RequireRoles(...divisionSetupRoles)
  async revise(
    @Param('segmentId', segmentIdParam) segmentId: string,
    @Body() body: DefineSegmentRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.commands.revise(segmentId, body.name, toCriteria(body.criteria), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post(':segmentId/retirement')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async retire(
    @Param('segmentId', segmentIdParam) segmentId: string,
    @Body() body: RetireSegmentRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.commands.retire(segmentId, body.reason, caller, expectedVersionFrom(ifMatch)), response);
  }
}
