import { Body, Get, Inject, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  organisationRoles,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { DivisionScoring } from '../application/division-scoring.port';
import { SetScoringRulesHandler } from '../application/set-scoring-rules.handler';
import type { ScoringRules } from '../domain/lead-scoring';
import { SetScoringRulesRequest } from './scoring-rules.request.dto';

/** DTO instances become plain data: events hold only plain JSON. */
function toRules(body: SetScoringRulesRequest): ScoringRules {
  const { companySize } = body;
  return {
    sources: body.sources.map((rule) => ({ source: rule.source, points: rule.points })),
    estimatedValue: body.estimatedValue.map((tier) => ({ atLeast: tier.atLeast, points: tier.points })),
    companySize: {
      micro: companySize.micro,
      small: companySize.small,
      mid: companySize.mid,
      large: companySize.large,
      enterprise: companySize.enterprise,
    },
    reachableEmail: body.reachableEmail,
    reachablePhone: body.reachablePhone,
    perSegment: body.perSegment,
    segmentsAtMost: body.segmentsAtMost,
    perNeed: body.perNeed,
    needsAtMost: body.needsAtMost,
  };
}

function answer(result: { version: number; rules: ScoringRules }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return { version: result.version, rules: result.rules };
}

/**
 * How the division scores its leads. The organisation reads them; its managers, sales directors and admins set them,
 * as a whole, with If-Match on the version GET answered (0 while the division scores by the defaults).
 */
@DivisionController('leads', 'scoring-rules')
@RequireRoles(...organisationRoles)
export class ScoringRulesController {
  constructor(
    @Inject(DivisionScoring) private readonly scoring: DivisionScoring,
    @Inject(SetScoringRulesHandler) private readonly setRules: SetScoringRulesHandler,
  ) {}

  @Get()
  async get(@Caller() caller: RequestContext, @Res({ passthrough: true }) response: Response) {
    return answer(await this.scoring.scoringOf(caller.divisionId), response);
  }

  @Put()
  @RequireRoles(...divisionSetupRoles)
  async set(
    @Body() body: SetScoringRulesRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.setRules.execute(toRules(body), caller, expectedVersionFrom(ifMatch));
    return answer({ version: result.version, rules: result.state.rules }, response);
  }
}
