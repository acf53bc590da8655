import { Body, Get, Inject, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import { idPattern } from '@salesos/kernel';
import { DefinePipelineHandler } from '../application/define-pipeline.handler';
import { PipelineCatalog } from '../application/pipeline-catalog';
import { SetOpportunityReasonsHandler } from '../application/set-opportunity-reasons.handler';
import type { SalesProcess } from '../domain/sales-process.decider';
import { DefinePipelineRequest, OpportunityReasonsRequest } from './sales-process.request.dto';

function pipelineIdParam(pipelineId: string): string {
  if (pipelineId.length > 60 || !idPattern.test(pipelineId)) {
    throw new RequestValidationError([
      { field: 'pipelineId', message: 'must be an id of at most 60 letters, digits and _ . : @ -' },
    ]);
  }
  return pipelineId;
}

function answer(result: { version: number; state: SalesProcess }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  const { pipelines, wonReasons, lossReasons } = result.state;
  return { version: result.version, pipelines, wonReasons, lossReasons };
}

/**
 * The division's sales process: its pipelines with their stages and probabilities, and the reasons its deals are won
 * and lost for. Everyone in the division reads it; the division's managers, sales directors and admins define it. It
 * is one record per division, so its ETag moves with any of its changes.
 */
@DivisionController('opportunities')
export class SalesProcessController {
  constructor(
    @Inject(PipelineCatalog) private readonly catalog: PipelineCatalog,
    @Inject(DefinePipelineHandler) private readonly definePipeline: DefinePipelineHandler,
    @Inject(SetOpportunityReasonsHandler) private readonly setReasons: SetOpportunityReasonsHandler,
  ) {}

  @Get('pipelines')
  async list(@Caller() caller: RequestContext, @Res({ passthrough: true }) response: Response) {
    const { version, ...state } = await this.catalog.salesProcessOf(caller.divisionId);
    return answer({ version, state }, response);
  }

  @Put('pipelines/:pipelineId')
  @RequireRoles(...divisionSetupRoles)
  async define(
    @Param('pipelineId') pipelineId: string,
    @Body() body: DefinePipelineRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const pipeline = {
      pipelineId: pipelineIdParam(pipelineId),
      name: body.name,
      stages: body.stages.map((stage) => ({
        stageId: stage.stageId,
        name: stage.name,
        probability: stage.probability,
      })),
    };
    return answer(await this.definePipeline.execute(pipeline, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Put('opportunity-reasons')
  @RequireRoles(...divisionSetupRoles)
  async reasons(
    @Body() body: OpportunityReasonsRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const reasons = { wonReasons: [...body.wonReasons], lossReasons: [...body.lossReasons] };
    return answer(await this.setReasons.execute(reasons, caller, expectedVersionFrom(ifMatch)), response);
  }
}
