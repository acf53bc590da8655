import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { reachesDealer } from '../../core/dealer-reach';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { FundCommand } from '../domain/fund.commands';
import { fundDecider, type FundState } from '../domain/fund.decider';
import { FundError, FundErrorCode } from '../domain/fund.errors';
import type { FundEvent } from '../domain/fund.events';

/** The id of a dealer's budget for a period: its stream is `funds-<dealerId>-<period>`. */
export const fundBudgetId = (dealerId: string, period: string): string => `${dealerId}-${period}`;

const notFound = () =>
  new FundError(FundErrorCode.NotFound, 'No fund budget for this dealer and period in your division');

/**
 * Each dealer's budget for a period is one stream, with every request drawn on it; a dealer's users reach their own
 * dealer's only. Commands on one budget take turns in this process: each is decided on the state the one before it left,
 * so simultaneous approvals are refused by the budget, not lost to retries. Between processes the store's expected
 * version still keeps two decisions from being appended on the same state.
 */
@Injectable()
export class FundStreams extends CallerCommands<FundState, FundCommand, FundEvent> {
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, fundDecider, {
      category: 'funds',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /**
   * A command on a dealer's budget for a period, for a caller who reaches the dealer: a dealer's users act on their own
   * dealer's budgets only, and another dealer's reads as not found.
   */
  runOn(
    dealerId: string,
    period: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<FundCommand, 'metadata'>,
  ): Promise<CommandResult<FundState, FundEvent>> {
    if (!reachesDealer(context, dealerId)) throw notFound();
    return this.run(fundBudgetId(dealerId, period), context, expectedVersion, command);
  }

  /** The budget as it stands, when the caller may see it; anything else reads as not found. */
  async read(dealerId: string, period: string, context: RequestContext) {
    const { state, version } = await this.load(fundBudgetId(dealerId, period));
    if (state.status === 'none' || state.divisionId !== context.divisionId || !reachesDealer(context, dealerId)) {
      throw notFound();
    }
    return { state, version };
  }

  override async run(
    id: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<FundCommand, 'metadata'>,
    creates = false,
  ): Promise<CommandResult<FundState, FundEvent>> {
    const decide = () => super.run(id, context, expectedVersion, command, creates);
    const turn = (this.turns.get(id) ?? Promise.resolve()).then(decide, decide);
    const done = turn.catch(() => undefined);
    this.turns.set(id, done);
    try {
      return await turn;
    } finally {
      if (this.turns.get(id) === done) this.turns.delete(id);
    }
  }
}
