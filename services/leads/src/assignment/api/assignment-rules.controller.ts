import { Body, Controller, Get, Inject, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  etagFor,
  expectedVersionFrom,
  type ProblemDetails,
  type ProblemMapper,
  problemTypeForCode,
  type RequestContext,
  IfMatch,
  IdempotentWrites,
} from '@salesos/http';
import { divisionSetupRoles, organisationRoles, RequireRoles } from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import { AssignmentService } from '../application/assignment.service';
import { AssignmentRuleError } from '../domain/assignment-rule-set.decider';
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

/** Rule errors are bad values in the request body. */
export const assignmentProblems: ProblemMapper = (error): ProblemDetails | undefined =>
  error instanceof AssignmentRuleError
    ? {
        type: problemTypeForCode(error.code),
        title: 'The assignment rules are not valid',
        status: 400,
        detail: error.message,
        code: error.code,
        errors: [{ field: 'rules', message: error.message }],
      }
    : undefined;

@ApiTags('assignment')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@IdempotentWrites()
@Controller('assignment-rules')
// A dealer's users work their deals; the division's audiences and routing are the organisation's own.
@RequireRoles(...organisationRoles)
export class AssignmentRulesController {
  constructor(@Inject(AssignmentService) private readonly assignment: AssignmentService) {}

  @Get()
  list(@Caller() caller: RequestContext) {
    return { rules: this.assignment.rulesOf(caller.divisionId) };
  }

  @Put()
  @RequireRoles(...divisionSetupRoles)
  async set(
    @Body() body: SetAssignmentRulesRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.assignment.setRules(body.rules.map(toRule), caller, expectedVersionFrom(ifMatch));
    response.setHeader('ETag', etagFor(result.version));
    return { version: result.version, rules: result.state.rules };
  }
}
