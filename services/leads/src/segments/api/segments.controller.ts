import { Body, Get, HttpCode, Inject, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  type RequestContext,
  UuidParam,
} from '@salesos/http';
import { divisionSetupRoles, organisationRoles, RequireRoles } from '@salesos/http';
import { ActiveSegments } from '../application/active-segments.port';
import { DefineSegmentHandler, type SegmentResult } from '../application/define-segment.handler';
import { ReadSegmentQuery } from '../application/read-segment.query';
import { RetireSegmentHandler } from '../application/retire-segment.handler';
import { ReviseSegmentHandler } from '../application/revise-segment.handler';
import type { SegmentCriteria } from '../../core/domain/target-audience';
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

@DivisionController('segments', 'segments')
// A dealer's users work their deals; the division's audiences and routing are the organisation's own.
@RequireRoles(...organisationRoles)
export class SegmentsController {
  constructor(
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
    @Inject(DefineSegmentHandler) private readonly defineSegment: DefineSegmentHandler,
    @Inject(ReviseSegmentHandler) private readonly reviseSegment: ReviseSegmentHandler,
    @Inject(RetireSegmentHandler) private readonly retireSegment: RetireSegmentHandler,
    @Inject(ReadSegmentQuery) private readonly readSegment: ReadSegmentQuery,
  ) {}

  @Get()
  async list(@Caller() caller: RequestContext) {
    return { items: await this.segments.list(caller.divisionId) };
  }

  /** Segments are the division's: every role that works its leads reads them, as in the list. */
  @Get(':segmentId')
  async get(
    @Param('segmentId', segmentIdParam) segmentId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await this.readSegment.execute(segmentId, caller);
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
    const result = await this.defineSegment.execute(body.name, toCriteria(body.criteria), caller);
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
      await this.reviseSegment.execute(
        segmentId,
        body.name,
        toCriteria(body.criteria),
        caller,
        expectedVersionFrom(ifMatch),
      ),
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
    return answer(
      await this.retireSegment.execute(segmentId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
