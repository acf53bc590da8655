import type { Command, Decider } from '@salesos/event-sourcing';
import { criteriaProblem } from '../../core/domain/criteria';
import { type ScoreScale, scaleProblem } from '../../core/domain/score-scale';
import { CoachingError, CoachingErrorCode, invalidCoachingInput } from './coaching.errors';
import { type Rubric, type RubricCriterion, type RubricEvent, rubricEvents } from './rubric.events';

export type SetRubric = Command<'SetRubric', { divisionId: string; criteria: RubricCriterion[]; scale: ScoreScale }>;

export type DivisionRubric = Rubric & { status: 'set'; divisionId: string };
export type RubricState = { status: 'none' } | DivisionRubric;

const same = (rubric: DivisionRubric, data: SetRubric['data']): boolean =>
  JSON.stringify([rubric.criteria, rubric.scale]) === JSON.stringify([data.criteria, data.scale]);

/** A division's coaching rubric (stream `rubric-<divisionId>`): replaced as a whole, each time as a new version. */
export const rubricDecider: Decider<RubricState, SetRubric, RubricEvent> = {
  events: rubricEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const { divisionId, criteria, scale } = command.data;
    const caller = command.metadata.divisionId;
    if (caller !== undefined && caller !== divisionId) {
      throw new CoachingError(CoachingErrorCode.NotFound, `No rubric of division ${divisionId} in your division`);
    }
    const problem = criteriaProblem(criteria) ?? scaleProblem(scale);
    if (problem !== undefined) throw invalidCoachingInput(problem.field, problem.message);
    if (state.status === 'set' && same(state, command.data)) return [];
    const version = state.status === 'set' ? state.version + 1 : 1;
    return [{ type: 'RubricSet', data: { divisionId, version, criteria, scale, setAt: command.metadata.now } }];
  },

  evolve(_state, event) {
    const { setAt: _setAt, ...rubric } = event.data;
    return { status: 'set', ...rubric };
  },
};
