import { Body, Get, Inject, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Caller, DivisionController, etagFor, expectedVersionFrom, IfMatch, type RequestContext } from '@salesos/http';
import { divisionSetupRoles, organisationRoles, RequireRoles } from '@salesos/http';
import { DivisionRules } from '../application/division-rules.port';
import { SetAssignmentRulesHandler } from '../application/set-assignment-rules.handler';
import type { AssignmentRule } from '../domain/assignment-rules';
import { type AssignmentRuleRequest, SetAssignmentRulesRequest } from './assignment-rules.request.dto';

function toRule(request: AssignmentRuleRequest): AssignmentRule {
  if (request.kind === 'territory-segment') {
    return {
      kind: request.kind,
      ruleId: request.ruleId,
      ...(request.territory === undefined ? {} : { territory: request.territory }),
      ...(request.segmentId === undefined ? {} : { segmentId: request.segmentId }),
      repId: request.repId as string,
    };
  }
  return {
    kind: request.kind,
    ruleId: request.ruleId,
    teamId: request.teamId as string,
    repIds: [...(request.repIds ?? [])],
  };
}

@DivisionController('assignment', 'assignment-rules')
// A dealer's users work their deals; the division's audiences and routing are the organisation's own.
@RequireRoles(...organisationRoles)
export class AssignmentRulesController {
  constructor(
    @Inject(DivisionRules) private readonly divisionRules: DivisionRules,
    @Inject(SetAssignmentRulesHandler) private readonly setRules: SetAssignmentRulesHandler,
  ) {}

  @Get()
  async list(@Caller() caller: RequestContext) {
    return { rules: await this.divisionRules.rulesOf(caller.divisionId) };
  }

  @Put()
  @RequireRoles(...divisionSetupRoles)
  async set(
    @Body() body: SetAssignmentRulesRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.setRules.execute(body.rules.map(toRule), caller, expectedVersionFrom(ifMatch));
    response.setHeader('ETag', etagFor(result.version));
    return { version: result.version, rules: result.state.rules };
  }
}
