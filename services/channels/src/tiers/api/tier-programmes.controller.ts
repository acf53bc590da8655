import { Body, Get, Inject, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  idParam,
  IfMatch,
  organisationRoles,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { DefineTierProgrammeHandler } from '../application/define-tier-programme.handler';
import { TierDirectory } from '../application/tier-directory.port';
import type { TierProgrammeState } from '../domain/tier-programme.decider';
import { TierError, TierErrorCode } from '../domain/tier.errors';
import { DefineTierProgrammeRequest } from './tier.request.dto';

/**
 * The division's tier programmes: ladders of tiers, lowest first, with the criteria a dealer must meet for each. The
 * division's managers, sales directors and admins define them; the organisation's roles read them.
 */
@DivisionController('tiers', 'tier-programmes')
export class TierProgrammesController {
  constructor(
    @Inject(TierDirectory) private readonly directory: TierDirectory,
    @Inject(DefineTierProgrammeHandler) private readonly defineProgramme: DefineTierProgrammeHandler,
  ) {}

  @Get()
  @RequireRoles(...organisationRoles)
  async list(@Caller() caller: RequestContext) {
    return { items: await this.directory.programmes(caller.divisionId) };
  }

  @Get(':programmeId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('programmeId') programmeId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const programme = await this.directory.programme(caller.divisionId, idParam('programmeId', programmeId));
    if (programme === undefined) {
      throw new TierError(TierErrorCode.NotFound, `There is no tier programme '${programmeId}' in your division`);
    }
    response.setHeader('ETag', etagFor(programme.version));
    return programme;
  }

  @Put(':programmeId')
  @RequireRoles(...divisionSetupRoles)
  async define(
    @Param('programmeId') programmeId: string,
    @Body() body: DefineTierProgrammeRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const tiers = body.tiers.map((tier) => ({
      tierId: tier.tierId,
      name: tier.name,
      criteria: {
        minRevenueLast12Months: {
          amount: tier.criteria.minRevenueLast12Months.amount,
          currency: tier.criteria.minRevenueLast12Months.currency,
        },
        minCertifiedPeople: tier.criteria.minCertifiedPeople,
        minRegistrationWinRate: tier.criteria.minRegistrationWinRate,
      },
    }));
    const result = await this.defineProgramme.execute(
      idParam('programmeId', programmeId),
      { name: body.name, tiers },
      caller,
      expectedVersionFrom(ifMatch),
    );
    response.setHeader('ETag', etagFor(result.version));
    return { ...(result.state as Exclude<TierProgrammeState, { status: 'none' }>), version: result.version };
  }
}
