import { ExpectedVersionMismatchError } from '@salesos/event-sourcing';
import { CoachingErrorCode } from '../domain/coaching.errors';
import { AddReviewActionHandler } from './add-review-action.handler';
import { CancelReviewActionHandler } from './cancel-review-action.handler';
import { CloseReviewHandler } from './close-review.handler';
import { callerAs, coachingStreams } from './coaching.fixture';
import { CompleteReviewActionHandler } from './complete-review-action.handler';
import { OpenReviewHandler } from './open-review.handler';
import { ScoreReviewHandler } from './score-review.handler';
import { SetRubricHandler } from './set-rubric.handler';

const manager = callerAs('division-manager', 'mgr-1');
const lead = callerAs('team-lead', 'lead-1');
const criteria = [
  { criterionId: 'discovery', name: 'Discovery questions' },
  { criterionId: 'next-step', name: 'Next step agreed' },
];
const scale = { min: 1, max: 5 };
const review = {
  subject: { kind: 'deal' as const, opportunityId: 'opp-7' },
  personId: 'p-anna',
  heldOn: '2026-06-29',
};
const scores = [
  { criterionId: 'discovery', score: 2 },
  { criterionId: 'next-step', score: 4 },
];

function handlers() {
  const streams = coachingStreams();
  return {
    ...streams,
    setRubric: new SetRubricHandler(streams.rubrics),
    open: new OpenReviewHandler(streams.reviews, streams.rubrics),
    score: new ScoreReviewHandler(streams.reviews),
    addAction: new AddReviewActionHandler(streams.reviews),
    complete: new CompleteReviewActionHandler(streams.reviews),
    cancel: new CancelReviewActionHandler(streams.reviews),
    close: new CloseReviewHandler(streams.reviews),
  };
}

describe('review handlers', () => {
  it('refuse to open a review before the division has a rubric', async () => {
    const { open } = handlers();
    await expect(open.execute(review, lead)).rejects.toMatchObject({ code: CoachingErrorCode.RubricNotSet });
  });

  it("open a review on the division's current rubric, with the caller as reviewer", async () => {
    const { setRubric, open, store } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    await setRubric.execute({ criteria: [criteria[0]!], scale }, manager);
    const opened = await open.execute(review, lead);
    expect(opened.version).toBe(1);
    const [event] = await store.readStream(`review-${opened.reviewId}`);
    expect(event?.data).toMatchObject({
      reviewerId: 'lead-1',
      divisionId: 'north',
      rubric: { version: 2, criteria: [criteria[0]], scale },
    });
  });

  it('follow a review through scores and actions to its close', async () => {
    const { setRubric, open, score, addAction, complete, cancel, close } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    const { reviewId } = await open.execute({ ...review, reviewId: 'r-1' }, lead);
    await score.execute(reviewId, { scores, notes: 'Jumped to the demo' }, lead);
    const first = await addAction.execute(
      reviewId,
      { text: 'Five discovery questions', ownerId: 'p-anna', dueOn: '2026-07-10' },
      lead,
    );
    await addAction.execute(
      reviewId,
      { actionId: 'a-2', text: 'Shadow a demo', ownerId: 'p-anna', dueOn: '2026-07-01' },
      lead,
    );
    await expect(close.execute(reviewId, lead)).rejects.toMatchObject({ code: CoachingErrorCode.ActionsOpen });
    await complete.execute(reviewId, first.actionId, '2026-07-12', lead);
    await cancel.execute(reviewId, 'a-2', 'The demo was cancelled', lead);
    const closed = await close.execute(reviewId, lead);
    expect(closed.state).toMatchObject({
      status: 'closed',
      scores,
      actions: [
        { actionId: first.actionId, status: 'completed', onTime: false },
        { actionId: 'a-2', status: 'cancelled' },
      ],
    });
    expect(closed.version).toBe(7);
  });

  it('open a review once for a repeated Idempotency-Key, under the same id', async () => {
    const { setRubric, open, store } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    const keyed = callerAs('team-lead', 'lead-1', { idempotencyKey: 'open-anna-1' });
    const first = await open.execute(review, keyed);
    const again = await open.execute(review, keyed);
    expect(again).toMatchObject({ reviewId: first.reviewId, repeated: true, version: 1 });
    expect(await store.readStream(`review-${first.reviewId}`)).toHaveLength(1);
  });

  it('refuse a change on a version the caller did not see', async () => {
    const { setRubric, open, score } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    const { reviewId } = await open.execute(review, lead);
    await score.execute(reviewId, { scores, notes: '' }, lead, 1);
    await expect(score.execute(reviewId, { scores, notes: 'again' }, lead, 1)).rejects.toBeInstanceOf(
      ExpectedVersionMismatchError,
    );
  });

  it('set the rubric only on the version the caller saw', async () => {
    const { setRubric } = handlers();
    await setRubric.execute({ criteria, scale }, manager, 0);
    await expect(setRubric.execute({ criteria, scale: { min: 0, max: 100 } }, manager, 0)).rejects.toBeInstanceOf(
      ExpectedVersionMismatchError,
    );
  });

  it("answer a review of another division, or another team lead's review, as not found", async () => {
    const { setRubric, open, score } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    const { reviewId } = await open.execute(review, lead);
    for (const stranger of [
      callerAs('division-manager', 'mgr-9', { divisionId: 'south' }),
      callerAs('team-lead', 'lead-2'),
    ]) {
      await expect(score.execute(reviewId, { scores, notes: '' }, stranger)).rejects.toMatchObject({
        code: CoachingErrorCode.NotFound,
      });
    }
    await expect(score.execute(reviewId, { scores, notes: '' }, manager)).resolves.toMatchObject({ version: 2 });
  });

  it('refuse scores the rubric does not take, naming the field', async () => {
    const { setRubric, open, score } = handlers();
    await setRubric.execute({ criteria, scale }, manager);
    const { reviewId } = await open.execute(review, lead);
    await expect(score.execute(reviewId, { scores: [scores[0]!], notes: '' }, lead)).rejects.toMatchObject({
      code: CoachingErrorCode.InvalidInput,
      field: 'scores',
    });
    await expect(score.execute(reviewId, { scores, notes: '' }, lead)).resolves.toMatchObject({ version: 2 });
  });
});
