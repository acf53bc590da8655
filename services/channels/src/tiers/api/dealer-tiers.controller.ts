import { Body, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  Clock,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  idParam,
  IfMatch,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { reachesDealer } from '../../core/dealer-reach';
import { AssignTierHandler } from '../application/assign-tier.handler';
import { ConfirmTierChangeHandler } from '../application/confirm-tier-change.handler';
import { CorrectTierHandler } from '../application/correct-tier.handler';
import { ProposeTierChangeHandler } from '../application/propose-tier-change.handler';
import { RejectTierProposalHandler } from '../application/reject-tier-proposal.handler';
import { TierDirectory } from '../application/tier-directory.port';
import { currentTier, tierAsOf, type TierHistory } from '../domain/tier-history';
import type { TierRecord, TierRecordState } from '../domain/tier-record.decider';
import { TierError, TierErrorCode } from '../domain/tier.errors';
import {
  AssignTierRequest,
  ConfirmTierChangeRequest,
  CorrectTierRequest,
  ProposeTierChangeRequest,
  RejectTierProposalRequest,
  TierAsOfQuery,
} from './tier.request.dto';

/** The history as a list of changes, by effective day, corrections applied. */
const changes = (history: TierHistory) =>
  history.days.map((effectiveFrom, at) => ({
    changeId: history.changeIds[at] as string,
    tierId: history.tierIds[at] as string,
    effectiveFrom,
  }));

/** A dealer's tier record as the API shows it. */
function view(record: TierRecord, version: number, today: string) {
  const { status: _status, history, ...rest } = record;
  return { ...rest, version, today, tier: tierAsOf(history, today) ?? null, history: changes(history) };
}

function answer(result: { version: number; state: TierRecordState }, today: string, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return view(result.state as TierRecord, result.version, today);
}

/**
 * A dealer's tier over time: assigned, proposed by reviews of measured figures, confirmed or rejected by a manager,
 * and corrected. The division's managers, sales directors and admins change it; everyone in the division reads it,
 * and a dealer's users read their own dealer's tier only (another dealer's reads as not found).
 */
@DivisionController('tiers', 'dealers/:dealerId/tier')
export class DealerTiersController {
  constructor(
    @Inject(TierDirectory) private readonly directory: TierDirectory,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AssignTierHandler) private readonly assignTier: AssignTierHandler,
    @Inject(ProposeTierChangeHandler) private readonly proposeChange: ProposeTierChangeHandler,
    @Inject(ConfirmTierChangeHandler) private readonly confirmChange: ConfirmTierChangeHandler,
    @Inject(RejectTierProposalHandler) private readonly rejectProposal: RejectTierProposalHandler,
    @Inject(CorrectTierHandler) private readonly correctTier: CorrectTierHandler,
  ) {}

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  /**
   * Without `asOf`: today's tier and the whole history. With it: the tier in force that day (null before the first
   * change), from the history with corrections applied.
   */
  @Get()
  async get(
    @Param('dealerId') dealerId: string,
    @Query() query: TierAsOfQuery,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const id = idParam('dealerId', dealerId);
    const record = await this.directory.tierRecord(caller.divisionId, id);
    if (record === undefined || !reachesDealer(caller, record.dealerId)) {
      throw new TierError(TierErrorCode.NotFound, `Dealer ${dealerId} has no tier record in your division`);
    }
    response.setHeader('ETag', etagFor(record.version));
    if (query.asOf === undefined) return view(record, record.version, this.today());
    const { dealerId: recordDealer, divisionId, programmeId, version } = record;
    return {
      dealerId: recordDealer,
      divisionId,
      programmeId,
      version,
      asOf: query.asOf,
      tier: tierAsOf(record.history, query.asOf) ?? null,
      current: currentTier(record.history) ?? null,
    };
  }

  @Post('assignment')
  @RequireRoles(...divisionSetupRoles)
  async assign(
    @Param('dealerId') dealerId: string,
    @Body() body: AssignTierRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const assignment = {
      programmeId: body.programmeId,
      changeId: body.changeId,
      tierId: body.tierId,
      effectiveFrom: body.effectiveFrom,
    };
    const id = idParam('dealerId', dealerId);
    const result = await this.assignTier.execute(id, assignment, caller, expectedVersionFrom(ifMatch));
    return answer(result, this.today(), response);
  }

  @Post('reviews')
  @RequireRoles(...divisionSetupRoles)
  async review(
    @Param('dealerId') dealerId: string,
    @Body() body: ProposeTierChangeRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { revenue12m, certifiedPeople, registrationWinRate } = body.figures;
    const review = {
      reviewId: body.reviewId,
      programmeId: body.programmeId,
      figures: {
        revenue12m: { amount: revenue12m.amount, currency: revenue12m.currency },
        certifiedPeople,
        registrationWinRate,
      },
    };
    const id = idParam('dealerId', dealerId);
    const result = await this.proposeChange.execute(id, review, caller, expectedVersionFrom(ifMatch));
    return answer(result, this.today(), response);
  }

  @Post('reviews/:reviewId/confirmation')
  @RequireRoles(...divisionSetupRoles)
  async confirm(
    @Param('dealerId') dealerId: string,
    @Param('reviewId') reviewId: string,
    @Body() body: ConfirmTierChangeRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.confirmChange.execute(
      idParam('dealerId', dealerId),
      idParam('reviewId', reviewId),
      body.effectiveFrom,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, this.today(), response);
  }

  @Post('reviews/:reviewId/rejection')
  @RequireRoles(...divisionSetupRoles)
  async reject(
    @Param('dealerId') dealerId: string,
    @Param('reviewId') reviewId: string,
    @Body() body: RejectTierProposalRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.rejectProposal.execute(
      idParam('dealerId', dealerId),
      idParam('reviewId', reviewId),
      body.reason,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, this.today(), response);
  }

  @Post('corrections')
  @RequireRoles(...divisionSetupRoles)
  async correct(
    @Param('dealerId') dealerId: string,
    @Body() body: CorrectTierRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const correction = {
      correctionId: body.correctionId,
      corrects: body.corrects,
      tierId: body.tierId,
      reason: body.reason,
    };
    const id = idParam('dealerId', dealerId);
    const result = await this.correctTier.execute(id, correction, caller, expectedVersionFrom(ifMatch));
    return answer(result, this.today(), response);
  }
}
