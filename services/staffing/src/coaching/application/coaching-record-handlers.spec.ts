import { OpportunityLostV1 } from '@salesos/contracts';
import { ExpectedVersionMismatchError } from '@salesos/event-sourcing';
import { CoachingErrorCode } from '../domain/coaching.errors';
import { AcknowledgeSuggestionHandler } from './acknowledge-suggestion.handler';
import { callerAs, coachingStreams } from './coaching.fixture';
import { type OpportunityLost, NoteLostDealHandler } from './note-lost-deal.handler';
import { OpenReviewHandler } from './open-review.handler';
import { RaiseCoachingSuggestionHandler } from './raise-coaching-suggestion.handler';
import { SetRubricHandler } from './set-rubric.handler';

const manager = callerAs('division-manager', 'mgr-1');

const lost = (opportunityId: string, lostOn: string, reason = 'price'): OpportunityLost => ({
  id: `msg-lost-${opportunityId}`,
  type: OpportunityLostV1.type,
  source: '/salesos/leads',
  subject: opportunityId,
  time: `${lostOn}T10:00:00.000Z`,
  data: { opportunityId, divisionId: 'north', reason, lostAt: `${lostOn}T10:00:00.000Z` },
  correlationId: `corr-${opportunityId}`,
});

function handlers() {
  const streams = coachingStreams();
  for (const opportunityId of ['o-1', 'o-2', 'o-3', 'o-4']) {
    streams.owners.owners.set(opportunityId, { ownerRepId: 'user-anna', personId: 'p-anna' });
  }
  return {
    ...streams,
    noteLostDeal: new NoteLostDealHandler(streams.records, streams.owners),
    raise: new RaiseCoachingSuggestionHandler(streams.records),
    acknowledge: new AcknowledgeSuggestionHandler(streams.records, streams.reviews),
    setRubric: new SetRubricHandler(streams.rubrics),
    openReview: new OpenReviewHandler(streams.reviews, streams.rubrics),
  };
}

describe('coaching record handlers', () => {
  describe('NoteLostDeal', () => {
    it("notes each loss on its owner's record, and raises the suggestion in the same append as the third", async () => {
      const { noteLostDeal, store } = handlers();
      await noteLostDeal.execute(lost('o-1', '2026-05-02'));
      await noteLostDeal.execute(lost('o-2', '2026-06-10'));
      const appends = jest.spyOn(store, 'append');
      const third = await noteLostDeal.execute(lost('o-3', '2026-06-29'));
      expect(appends).toHaveBeenCalledTimes(1);
      expect(appends.mock.calls[0]?.[1]).toHaveLength(2);
      expect(third?.events.map((event) => event.type)).toEqual(['LossNoted', 'CoachingSuggested']);
      expect(third?.events[1]?.data).toMatchObject({ opportunityIds: ['o-1', 'o-2', 'o-3'], reason: 'price' });
      const stored = await store.readStream('coaching-p-anna');
      expect(stored.map((event) => event.type)).toEqual(['LossNoted', 'LossNoted', 'LossNoted', 'CoachingSuggested']);
      const [, , thirdLoss, suggestion] = stored;
      expect(suggestion?.metadata).toMatchObject({
        commandId: thirdLoss?.metadata.commandId,
        correlationId: 'corr-o-3',
      });
      expect(thirdLoss?.data).toMatchObject({ ownerRepId: 'user-anna', sourceEventId: 'msg-lost-o-3' });
    });

    it('appends nothing when the same event is delivered again', async () => {
      const { noteLostDeal, store } = handlers();
      for (const opportunityId of ['o-1', 'o-2']) await noteLostDeal.execute(lost(opportunityId, '2026-06-01'));
      await noteLostDeal.execute(lost('o-3', '2026-06-02'));
      const again = await noteLostDeal.execute(lost('o-3', '2026-06-02'));
      expect(again).toMatchObject({ repeated: true, version: 4 });
      expect(await store.readStream('coaching-p-anna')).toHaveLength(4);
    });

    it('notes nothing for a deal whose owner staffing does not know', async () => {
      const { noteLostDeal, store } = handlers();
      await expect(noteLostDeal.execute(lost('o-unknown', '2026-06-01'))).resolves.toBeUndefined();
      expect(await store.readAll()).toMatchObject({ events: [] });
    });
  });

  describe('RaiseCoachingSuggestion', () => {
    it('raises once for a repeated Idempotency-Key, under the same id', async () => {
      const { raise, store } = handlers();
      const keyed = callerAs('division-manager', 'mgr-1', { idempotencyKey: 'raise-1' });
      const request = { reason: 'timing', opportunityIds: ['o-7'], period: { from: '2026-06-01', to: '2026-06-01' } };
      const first = await raise.execute('p-anna', request, keyed);
      const again = await raise.execute('p-anna', request, keyed);
      expect(again).toMatchObject({ suggestionId: first.suggestionId, repeated: true });
      expect(await store.readStream('coaching-p-anna')).toHaveLength(1);
    });

    it('refuses a suggestion on a version the caller did not see', async () => {
      const { raise, noteLostDeal } = handlers();
      await noteLostDeal.execute(lost('o-1', '2026-06-01'));
      const request = { reason: 'timing', opportunityIds: ['o-7'], period: { from: '2026-06-01', to: '2026-06-01' } };
      await expect(raise.execute('p-anna', request, manager, 0)).rejects.toBeInstanceOf(ExpectedVersionMismatchError);
    });
  });

  describe('AcknowledgeSuggestion', () => {
    async function suggestedAndReviewed() {
      const all = handlers();
      for (const [id, day] of [
        ['o-1', '2026-06-01'],
        ['o-2', '2026-06-02'],
        ['o-3', '2026-06-03'],
      ] as const) {
        await all.noteLostDeal.execute(lost(id, day));
      }
      const [suggestion] = (await all.store.readStream('coaching-p-anna')).filter(
        (event) => event.type === 'CoachingSuggested',
      );
      await all.setRubric.execute(
        { criteria: [{ criterionId: 'pricing', name: 'Price defence' }], scale: { min: 1, max: 5 } },
        manager,
      );
      const { reviewId } = await all.openReview.execute(
        { subject: { kind: 'meeting', subject: 'Lost deals on price' }, personId: 'p-anna', heldOn: '2026-06-30' },
        manager,
      );
      const { reviewId: otherReview } = await all.openReview.execute(
        { subject: { kind: 'meeting', subject: 'Onboarding' }, personId: 'p-ben', heldOn: '2026-06-30' },
        manager,
      );
      return {
        ...all,
        suggestionId: (suggestion?.data as { suggestionId: string }).suggestionId,
        reviewId,
        otherReview,
      };
    }

    it('links the suggestion to the review it was taken up in', async () => {
      const { acknowledge, suggestionId, reviewId } = await suggestedAndReviewed();
      const result = await acknowledge.execute('p-anna', suggestionId, reviewId, manager);
      expect(result.state).toMatchObject({ suggestions: [{ suggestionId, status: 'acknowledged', reviewId }] });
    });

    it('refuses a review of someone else, or one the caller cannot see, naming reviewId', async () => {
      const { acknowledge, suggestionId, otherReview, reviewId } = await suggestedAndReviewed();
      await expect(acknowledge.execute('p-anna', suggestionId, otherReview, manager)).rejects.toMatchObject({
        code: CoachingErrorCode.InvalidInput,
        field: 'reviewId',
      });
      await expect(
        acknowledge.execute('p-anna', suggestionId, reviewId, callerAs('team-lead', 'lead-2')),
      ).rejects.toMatchObject({ field: 'reviewId' });
      await expect(acknowledge.execute('p-anna', suggestionId, 'r-none', manager)).rejects.toMatchObject({
        field: 'reviewId',
      });
    });
  });
});
