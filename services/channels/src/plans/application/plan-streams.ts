import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { PlanCommand } from '../domain/plan.commands';
import { planDecider, type PlanState } from '../domain/plan.decider';
import type { PlanEvent } from '../domain/plan.events';

/** The id of a dealer's plan for a period: its stream is `plan-<dealerId>-<period>` (`dealerPlanStreamId`). */
export const planId = (dealerId: string, period: string): string => `${dealerId}-${period}`;

/** Each dealer's plan for a period is one stream, `plan-<dealerId>-<period>`. */
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
}
