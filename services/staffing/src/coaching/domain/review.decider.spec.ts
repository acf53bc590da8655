import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { CoachingError, CoachingErrorCode } from './coaching.errors';
import type { OpenReview, ReviewCommand } from './review.commands';
import { openActions, reviewDecider, type Review, type ReviewState } from './review.decider';
import { type ReviewEvent, reviewEvents } from './review.events';
import type { Rubric } from './rubric.events';

const now = '2026-05-12T16:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends ReviewCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const spec = DeciderSpecification.for(reviewDecider);

const ids = { reviewId: 'r-1', divisionId: 'north', personId: 'p-anna' };
const rubric: Rubric = {
  version: 2,
  criteria: [
    { criterionId: 'discovery', name: 'Discovery questions' },
    { criterionId: 'next-step', name: 'Next step agreed' },
  ],
  scale: { min: 1, max: 5 },
};
const opening: OpenReview['data'] = {
  ...ids,
  subject: { kind: 'deal', opportunityId: 'opp-7' },
  reviewerId: 'lead-1',
  heldOn: '2026-05-12',
  rubric,
};
const open = (changes: Partial<OpenReview['data']> = {}) => command('OpenReview', { ...opening, ...changes });
const scores = [
  { criterionId: 'discovery', score: 2 },
  { criterionId: 'next-step', score: 4 },
];
const score = (given = scores, notes = 'Jumped to the demo too early') =>
  command('ScoreReview', { scores: given, notes, scoredBy: 'lead-1' });
const addAction = (actionId = 'a-1', changes: { text?: string; ownerId?: string; dueOn?: string } = {}) =>
  command('AddAction', {
    actionId,
    text: 'Prepare five discovery questions',
    ownerId: 'p-anna',
    dueOn: '2026-05-26',
    ...changes,
  });
const complete = (completedOn = '2026-05-20', actionId = 'a-1') => command('CompleteAction', { actionId, completedOn });
const cancel = (actionId = 'a-1') => command('CancelAction', { actionId, reason: 'Deal went to a partner' });
const close = () => command('CloseReview', {});

const opened: ReviewEvent = { type: 'ReviewOpened', data: { ...opening, openedAt: now } };
const scored: ReviewEvent = {
  type: 'ReviewScored',
  data: { ...ids, scores, notes: 'Jumped to the demo too early', scoredBy: 'lead-1', scoredAt: now },
};
const actionAdded = (actionId = 'a-1'): ReviewEvent => ({
  type: 'ReviewActionAdded',
  data: {
    ...ids,
    actionId,
    text: 'Prepare five discovery questions',
    ownerId: 'p-anna',
    dueOn: '2026-05-26',
    addedAt: now,
  },
});
const completed = (completedOn = '2026-05-20', onTime = true, actionId = 'a-1'): ReviewEvent => ({
  type: 'ReviewActionCompleted',
  data: { ...ids, actionId, dueOn: '2026-05-26', completedOn, onTime, completedAt: now },
});
const cancelled = (actionId = 'a-1'): ReviewEvent => ({
  type: 'ReviewActionCancelled',
  data: { ...ids, actionId, reason: 'Deal went to a partner', cancelledAt: now },
});
const closed: ReviewEvent = { type: 'ReviewClosed', data: { ...ids, closedAt: now } };

const history = {
  opened: [opened],
  scored: [opened, scored],
  withAction: [opened, scored, actionAdded()],
  closed: [opened, scored, closed],
};

const fold = (events: readonly ReviewEvent[]): ReviewState =>
  events.reduce((state, event) => reviewDecider.evolve(state, event), reviewDecider.initialState());
const code = (value: CoachingErrorCode) => ({ code: value });
const invalidField = (field: string) => ({ code: CoachingErrorCode.InvalidInput, field });
const inState = (status: string) => ({ code: CoachingErrorCode.InvalidTransition, status });

describe('review decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [
      opened,
      scored,
      actionAdded(),
      completed(),
      completed('2026-06-01', false),
      cancelled(),
      closed,
    ]) {
      expect(() => reviewEvents.check(event)).not.toThrow();
    }
  });

  describe('OpenReview', () => {
    it('opens a deal review with the rubric it is scored against', () => {
      spec.given([]).when(open()).then([opened]);
    });

    it('opens a meeting review', () => {
      const subject = { kind: 'meeting' as const, subject: 'First visit at Keller Stanztechnik' };
      spec
        .given([])
        .when(open({ subject }))
        .then([{ type: 'ReviewOpened', data: { ...opening, subject, openedAt: now } }]);
    });

    it('refuses a second review under the same id', () => {
      spec
        .given(history.scored)
        .when(open())
        .thenThrows(CoachingError, { code: CoachingErrorCode.AlreadyExists, status: 'open' });
    });

    it.each([
      ['a rubric without criteria', { ...rubric, criteria: [] }, 'rubric.criteria'],
      ['a rubric scale ending where it starts', { ...rubric, scale: { min: 5, max: 5 } }, 'rubric.scale.max'],
    ])('refuses %s, naming %s', (_label, broken, field) => {
      spec
        .given([])
        .when(open({ rubric: broken }))
        .thenThrows(CoachingError, invalidField(field));
    });
  });

  describe('a command on a review that does not exist', () => {
    it.each([score(), addAction(), complete(), cancel(), close()])('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });

    it("reports another division's review as not found", () => {
      spec
        .given(history.opened)
        .when(command('CloseReview', {}, { ...metadata, divisionId: 'south' }))
        .thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });
  });

  describe('ScoreReview', () => {
    it("scores every criterion, kept in the rubric's order", () => {
      spec
        .given(history.opened)
        .when(score([...scores].reverse()))
        .then([scored]);
    });

    it('scores again while open, the latest scores standing', () => {
      const better = [
        { criterionId: 'discovery', score: 3 },
        { criterionId: 'next-step', score: 4 },
      ];
      spec
        .given(history.scored)
        .when(score(better, 'Revisited after the call recording'))
        .then([
          {
            type: 'ReviewScored',
            data: {
              ...ids,
              scores: better,
              notes: 'Revisited after the call recording',
              scoredBy: 'lead-1',
              scoredAt: now,
            },
          },
        ]);
    });

    it('changes nothing when scored again alike', () => {
      spec.given(history.scored).when(score()).thenNothingHappens();
    });

    it.each([
      [
        'a criterion the rubric does not have',
        [...scores, { criterionId: 'closing', score: 3 }],
        'scores[2].criterionId',
      ],
      ['a criterion scored twice', [...scores, { criterionId: 'discovery', score: 3 }], 'scores[2].criterionId'],
      ['a score outside the scale', [{ criterionId: 'discovery', score: 6 }, scores[1]!], 'scores[0].score'],
      ['a criterion left unscored', [scores[0]!], 'scores'],
    ])('refuses %s, naming %s', (_label, given, field) => {
      spec.given(history.opened).when(score(given)).thenThrows(CoachingError, invalidField(field));
    });

    it('is refused once the review is closed', () => {
      spec.given(history.closed).when(score()).thenThrows(CoachingError, inState('closed'));
    });
  });

  describe('AddAction', () => {
    it('adds an action with its owner and due day', () => {
      spec.given(history.scored).when(addAction()).then([actionAdded()]);
    });

    it('may be added before the review is scored', () => {
      spec.given(history.opened).when(addAction()).then([actionAdded()]);
    });

    it('changes nothing when the same action is added again', () => {
      spec.given(history.withAction).when(addAction()).thenNothingHappens();
    });

    it('refuses another action under an id in use, naming actionId', () => {
      spec
        .given(history.withAction)
        .when(addAction('a-1', { text: 'Something else' }))
        .thenThrows(CoachingError, { code: CoachingErrorCode.IdInUse, field: 'actionId' });
    });

    it('refuses a due day before the review was held, naming dueOn', () => {
      spec
        .given(history.scored)
        .when(addAction('a-2', { dueOn: '2026-05-11' }))
        .thenThrows(CoachingError, invalidField('dueOn'));
    });

    it('is refused once the review is closed', () => {
      spec.given(history.closed).when(addAction()).thenThrows(CoachingError, inState('closed'));
    });
  });

  describe('CompleteAction', () => {
    it('records an action done by its due day as on time', () => {
      spec
        .given(history.withAction)
        .when(complete('2026-05-26'))
        .then([completed('2026-05-26', true)]);
    });

    it('records an action done after its due day as late', () => {
      spec
        .given(history.withAction)
        .when(complete('2026-05-27'))
        .then([completed('2026-05-27', false)]);
    });

    it('changes nothing when completed again', () => {
      spec
        .given([...history.withAction, completed()])
        .when(complete('2026-05-30'))
        .thenNothingHappens();
    });

    it('is refused for a cancelled action', () => {
      spec
        .given([...history.withAction, cancelled()])
        .when(complete())
        .thenThrows(CoachingError, inState('cancelled'));
    });

    it('refuses an action the review does not have as not found', () => {
      spec
        .given(history.withAction)
        .when(complete('2026-05-20', 'a-9'))
        .thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });

    it('refuses a day before the review was held, naming completedOn', () => {
      spec
        .given(history.withAction)
        .when(complete('2026-05-01'))
        .thenThrows(CoachingError, invalidField('completedOn'));
    });

    it('is refused once the review is closed', () => {
      spec
        .given([...history.withAction, completed(), closed])
        .when(complete())
        .thenThrows(CoachingError, inState('closed'));
    });
  });

  describe('CancelAction', () => {
    it('cancels an open action with the reason', () => {
      spec.given(history.withAction).when(cancel()).then([cancelled()]);
    });

    it('changes nothing when cancelled again', () => {
      spec
        .given([...history.withAction, cancelled()])
        .when(cancel())
        .thenNothingHappens();
    });

    it('is refused for a completed action', () => {
      spec
        .given([...history.withAction, completed()])
        .when(cancel())
        .thenThrows(CoachingError, inState('completed'));
    });

    it('refuses an action the review does not have as not found', () => {
      spec.given(history.withAction).when(cancel('a-9')).thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });

    it('is refused once the review is closed', () => {
      spec
        .given([...history.withAction, cancelled(), closed])
        .when(cancel())
        .thenThrows(CoachingError, inState('closed'));
    });
  });

  describe('CloseReview', () => {
    it('closes a scored review whose actions are all done or dropped', () => {
      spec
        .given([...history.withAction, actionAdded('a-2'), completed('2026-05-30', false), cancelled('a-2')])
        .when(close())
        .then([closed]);
    });

    it('changes nothing when closed already', () => {
      spec.given(history.closed).when(close()).thenNothingHappens();
    });

    it('is refused before the review is scored', () => {
      spec.given(history.opened).when(close()).thenThrows(CoachingError, code(CoachingErrorCode.NotScored));
    });

    it('is refused while actions are open, listing them', () => {
      spec
        .given([...history.withAction, actionAdded('a-2'), actionAdded('a-3'), completed('2026-05-20', true, 'a-2')])
        .when(close())
        .thenThrows(
          CoachingError,
          (error) =>
            (error as CoachingError).code === CoachingErrorCode.ActionsOpen &&
            JSON.stringify((error as CoachingError).openActionIds) === JSON.stringify(['a-1', 'a-3']) &&
            error.message.includes('a-1, a-3'),
        );
    });
  });

  it('keeps the state of every action', () => {
    const review = fold([
      ...history.withAction,
      actionAdded('a-2'),
      actionAdded('a-3'),
      completed('2026-05-30', false),
      cancelled('a-2'),
    ]) as Review;
    expect(review.actions.map(({ actionId, status, onTime }) => ({ actionId, status, onTime }))).toEqual([
      { actionId: 'a-1', status: 'completed', onTime: false },
      { actionId: 'a-2', status: 'cancelled', onTime: undefined },
      { actionId: 'a-3', status: 'open', onTime: undefined },
    ]);
    expect(openActions(review).map((action) => action.actionId)).toEqual(['a-3']);
    expect(review.scores).toEqual(scores);
  });
});
