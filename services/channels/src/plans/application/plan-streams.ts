import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import { reachesDealer } from '../../core/dealer-reach';
import type { PlanCommand } from '../domain/plan.commands';
import { type DealerPlan, planDecider, type PlanState } from '../domain/plan.decider';
import { PlanError, PlanErrorCode } from '../domain/plan.errors';
import type { PlanEvent } from '../domain/plan.events';

/** The id of a dealer's plan for a period: its stream is `plan-<dealerId>-<period>`. */
export const dealerPlanId = (dealerId: string, period: string): string => `${dealerId}-${period}`;

const notFound = () => new PlanError(PlanErrorCode.NotFound, 'No plan for this dealer and period in your division');

/** Each dealer's plan for a period is one stream, with every revision and the deals won against it. */
@Injectable()
export class PlanStreams extends CallerCommands<PlanState, PlanCommand, PlanEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, planDecider, {
      category: 'plan',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The plan as it stands, when the caller may see it: another division's or another dealer's reads as not found. */
  async read(
    dealerId: string,
    period: string,
    context: RequestContext,
  ): Promise<{ state: DealerPlan; version: number }> {
    const { state, version } = await this.load(dealerPlanId(dealerId, period));
    if (state.status === 'none' || state.divisionId !== context.divisionId || !reachesDealer(context, dealerId)) {
      throw notFound();
    }
    return { state, version };
  }
}
