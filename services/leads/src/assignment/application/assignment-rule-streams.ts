import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import {
  type AssignmentRulesSet,
  assignmentRuleSetDecider,
  type AssignmentRuleSetState,
  type SetAssignmentRules,
} from '../domain/assignment-rule-set.decider';

/** Each division's rules are one stream, `assignmentrules-<division>`, replaced as a whole. */
@Injectable()
export class AssignmentRuleStreams extends CallerCommands<
  AssignmentRuleSetState,
  SetAssignmentRules,
  AssignmentRulesSet
> {
  constructor(@Inject(EVENT_STORE) store: EventStore, clock: Clock, ids: IdGenerator, views: ServiceViews) {
    super(store, assignmentRuleSetDecider, {
      category: 'assignmentrules',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
