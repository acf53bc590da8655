import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import {
  scoringRulesDecider,
  type ScoringRulesSet,
  type ScoringRulesState,
  type SetScoringRules,
} from '../domain/scoring-rules.decider';

/** The stream category of the divisions' scoring rules. */
export const scoringRulesCategory = 'scoringrules';

/** Each division's scoring rules are one stream, `scoringrules-<division>`, replaced as a whole. */
@Injectable()
export class ScoringRuleStreams extends CallerCommands<ScoringRulesState, SetScoringRules, ScoringRulesSet> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, scoringRulesDecider, {
      category: scoringRulesCategory,
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
