import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { TierFigures } from './qualifying-tier';
import type { TierRecordCommand } from './tier-record.commands';
import { tierRecordDecider } from './tier-record.decider';
import type { TierRecordEvent } from './tier-record.events';
import { TierError, TierErrorCode } from './tier.errors';
import { programme } from './tier.fixture';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends TierRecordCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const about = { dealerId: 'dealer-1', divisionId: 'north', programmeId: 'prog-north' };
const goldFigures: TierFigures = {
  revenue12m: { amount: 800_000, currency: 'EUR' },
  certifiedPeople: 4,
  registrationWinRate: 0.35,
};

const assign = (changeId = 'a-1', tierId = 'silver', effectiveFrom = '2026-01-01', data = {}) =>
  command('AssignTier', {
    programme,
    changeId,
    dealerId: 'dealer-1',
    divisionId: 'north',
    tierId,
    effectiveFrom,
    assignedBy: 'mgr-1',
    ...data,
  });
const assigned = (changeId = 'a-1', tierId = 'silver', effectiveFrom = '2026-01-01'): TierRecordEvent => ({
  type: 'TierAssigned',
  data: { changeId, ...about, tierId, effectiveFrom, assignedBy: 'mgr-1', assignedAt: now },
});
const propose = (reviewId = 'r-1', figures = goldFigures) =>
  command('ProposeTierChange', { reviewId, programme, figures });
const proposed = (
  reviewId = 'r-1',
  tierId = 'gold',
  fromTierId = 'silver',
  figures = goldFigures,
): TierRecordEvent => ({
  type: 'TierChangeProposed',
  data: { reviewId, ...about, fromTierId, tierId, figures, proposedAt: now },
});
const confirm = (reviewId = 'r-1', effectiveFrom = '2026-04-01') =>
  command('ConfirmTierChange', { reviewId, confirmedBy: 'mgr-2', effectiveFrom });
const confirmed = (reviewId = 'r-1', effectiveFrom = '2026-04-01'): TierRecordEvent => ({
  type: 'TierChangeConfirmed',
  data: {
    reviewId,
    ...about,
    fromTierId: 'silver',
    tierId: 'gold',
    effectiveFrom,
    confirmedBy: 'mgr-2',
    confirmedAt: now,
  },
});
const reject = (reviewId = 'r-1') =>
  command('RejectTierProposal', { reviewId, rejectedBy: 'mgr-2', reason: 'one-off order' });
const rejected = (reviewId = 'r-1'): TierRecordEvent => ({
  type: 'TierProposalRejected',
  data: { reviewId, ...about, tierId: 'gold', rejectedBy: 'mgr-2', reason: 'one-off order', rejectedAt: now },
});
const correct = (corrects = 'a-1', tierId = 'gold', correctionId = 'c-1') =>
  command('CorrectTier', {
    correctionId,
    corrects,
    programme,
    tierId,
    reason: 'certifications missed',
    correctedBy: 'mgr-2',
  });
const corrected = (
  corrects = 'a-1',
  previousTierId = 'silver',
  tierId = 'gold',
  effectiveFrom = '2026-01-01',
): TierRecordEvent => ({
  type: 'TierCorrected',
  data: {
    correctionId: 'c-1',
    corrects,
    ...about,
    tierId,
    previousTierId,
    effectiveFrom,
    reason: 'certifications missed',
    correctedBy: 'mgr-2',
    correctedAt: now,
  },
});

const spec = DeciderSpecification.for(tierRecordDecider);
const refusal = (code: TierErrorCode, field?: string) => (error: Error) =>
  error instanceof TierError && error.code === code && (field === undefined || error.field === field);
const otherDivision: CommandMetadata = { ...metadata, divisionId: 'south' };

describe('assigning a tier', () => {
  it('opens the dealer tier record with the initial tier', () => {
    spec.given([]).when(assign()).then([assigned()]);
  });

  it('sets another tier from a later day', () => {
    spec
      .given([assigned()])
      .when(assign('a-2', 'gold', '2026-02-01'))
      .then([assigned('a-2', 'gold', '2026-02-01')]);
  });

  it('sets another tier on the day of the latest change, to apply after it', () => {
    spec
      .given([assigned()])
      .when(assign('a-2', 'gold', '2026-01-01'))
      .then([assigned('a-2', 'gold', '2026-01-01')]);
  });

  it('changes nothing when repeated, or when the dealer holds that tier already', () => {
    spec.given([assigned()]).when(assign()).thenNothingHappens();
    spec
      .given([assigned()])
      .when(assign('a-2', 'silver', '2026-02-01'))
      .thenNothingHappens();
  });

  it('is refused with a tier the programme does not have, naming the field', () => {
    spec
      .given([])
      .when(assign('a-1', 'diamond'))
      .thenThrows(TierError, refusal(TierErrorCode.UnknownReference, 'tierId'));
  });

  it('is refused with a day that does not exist', () => {
    spec
      .given([])
      .when(assign('a-1', 'silver', '2026-02-29'))
      .thenThrows(TierError, refusal(TierErrorCode.InvalidInput, 'effectiveFrom'));
  });

  it('is refused before the latest change, pointing to a correction instead', () => {
    spec
      .given([assigned()])
      .when(assign('a-2', 'gold', '2025-12-31'))
      .thenThrows(
        TierError,
        (error) => refusal(TierErrorCode.Retroactive)(error) && error.message.includes('correct the change'),
      );
  });

  it('is refused with an id already naming another change', () => {
    spec
      .given([assigned()])
      .when(assign('a-1', 'gold', '2026-02-01'))
      .thenThrows(TierError, refusal(TierErrorCode.IdInUse, 'changeId'));
  });

  it("is refused for another dealer or division than the record's", () => {
    spec
      .given([assigned()])
      .when(assign('a-2', 'gold', '2026-02-01', { dealerId: 'dealer-2' }))
      .thenThrows(TierError, refusal(TierErrorCode.InvalidInput, 'dealerId'));
    spec
      .given([assigned()])
      .when(assign('a-2', 'gold', '2026-02-01', { divisionId: 'south' }))
      .thenThrows(TierError, refusal(TierErrorCode.InvalidInput, 'divisionId'));
  });

  it("is not found from another division's caller", () => {
    spec
      .given([assigned()])
      .when(command('AssignTier', assign('a-2', 'gold', '2026-02-01').data, otherDivision))
      .thenThrows(TierError, refusal(TierErrorCode.NotFound));
  });
});

describe('proposing a tier change', () => {
  it('proposes the tier the figures qualify for when it differs', () => {
    spec.given([assigned()]).when(propose()).then([proposed()]);
  });

  it('proposes the entry tier when the figures fall below every higher one', () => {
    const low: TierFigures = {
      revenue12m: { amount: 1_000, currency: 'EUR' },
      certifiedPeople: 0,
      registrationWinRate: 0,
    };
    spec
      .given([assigned('a-1', 'gold')])
      .when(propose('r-1', low))
      .then([proposed('r-1', 'silver', 'gold', low)]);
  });

  it('changes nothing when the figures qualify for the tier held', () => {
    spec
      .given([assigned('a-1', 'gold')])
      .when(propose())
      .thenNothingHappens();
  });

  it('changes nothing when the review was recorded already', () => {
    spec.given([assigned(), proposed()]).when(propose()).thenNothingHappens();
  });

  it('is refused while another review awaits a decision, naming it', () => {
    spec
      .given([assigned(), proposed()])
      .when(propose('r-2'))
      .thenThrows(TierError, (error) => refusal(TierErrorCode.ReviewPending)(error) && error.message.includes('r-1'));
  });

  it("is refused with figures in another currency than the programme's, naming the field", () => {
    spec
      .given([assigned()])
      .when(propose('r-1', { ...goldFigures, revenue12m: { amount: 1, currency: 'USD' } }))
      .thenThrows(TierError, refusal(TierErrorCode.InvalidInput, 'figures.revenue12m.currency'));
  });

  it('is refused with a review id already naming a change', () => {
    spec.given([assigned()]).when(propose('a-1')).thenThrows(TierError, refusal(TierErrorCode.IdInUse, 'reviewId'));
  });

  it('is refused for a dealer without a tier record', () => {
    spec.given([]).when(propose()).thenThrows(TierError, refusal(TierErrorCode.NotFound));
  });
});

describe('confirming a tier change', () => {
  it("makes the proposal effective from the manager's day", () => {
    spec.given([assigned(), proposed()]).when(confirm()).then([confirmed()]);
  });

  it('changes nothing when confirmed again', () => {
    spec.given([assigned(), proposed(), confirmed()]).when(confirm('r-1', '2026-05-01')).thenNothingHappens();
  });

  it('is refused for a rejected proposal, naming that state', () => {
    spec
      .given([assigned(), proposed(), rejected()])
      .when(confirm())
      .thenThrows(
        TierError,
        (error) => refusal(TierErrorCode.ReviewClosed)(error) && error.message.includes('was rejected'),
      );
  });

  it('is refused for a review the record does not have, naming the field', () => {
    spec
      .given([assigned()])
      .when(confirm('r-9'))
      .thenThrows(TierError, refusal(TierErrorCode.UnknownReference, 'reviewId'));
  });

  it('is refused with a day that does not exist', () => {
    spec
      .given([assigned(), proposed()])
      .when(confirm('r-1', '2026-04-31'))
      .thenThrows(TierError, refusal(TierErrorCode.InvalidInput, 'effectiveFrom'));
  });

  it('is refused from a day before the latest change', () => {
    spec
      .given([assigned(), proposed()])
      .when(confirm('r-1', '2025-10-01'))
      .thenThrows(TierError, refusal(TierErrorCode.Retroactive));
  });

  it('is refused for a dealer without a tier record', () => {
    spec.given([]).when(confirm()).thenThrows(TierError, refusal(TierErrorCode.NotFound));
  });
});

describe('rejecting a tier proposal', () => {
  it('records the decision and its reason', () => {
    spec.given([assigned(), proposed()]).when(reject()).then([rejected()]);
  });

  it('frees the record for the next review', () => {
    spec
      .given([assigned(), proposed(), rejected()])
      .when(propose('r-2'))
      .then([proposed('r-2')]);
  });

  it('changes nothing when rejected again', () => {
    spec.given([assigned(), proposed(), rejected()]).when(reject()).thenNothingHappens();
  });

  it('is refused for a confirmed proposal, naming that state', () => {
    spec
      .given([assigned(), proposed(), confirmed()])
      .when(reject())
      .thenThrows(
        TierError,
        (error) => refusal(TierErrorCode.ReviewClosed)(error) && error.message.includes('was confirmed'),
      );
  });

  it('is refused for a review the record does not have', () => {
    spec
      .given([assigned()])
      .when(reject('r-9'))
      .thenThrows(TierError, refusal(TierErrorCode.UnknownReference, 'reviewId'));
  });

  it('is refused for a dealer without a tier record', () => {
    spec.given([]).when(reject()).thenThrows(TierError, refusal(TierErrorCode.NotFound));
  });
});

describe('correcting a tier', () => {
  it("records a new event naming the change it corrects, from that change's day", () => {
    spec.given([assigned()]).when(correct()).then([corrected()]);
  });

  it('may correct a confirmed change, after later changes were made', () => {
    spec
      .given([assigned(), proposed(), confirmed(), assigned('a-2', 'platinum', '2026-06-01')])
      .when(correct('r-1', 'platinum'))
      .then([corrected('r-1', 'gold', 'platinum', '2026-04-01')]);
  });

  it('changes nothing when the change already says that tier', () => {
    spec.given([assigned(), corrected()]).when(correct()).thenNothingHappens();
  });

  it('is refused for a change the record does not have, naming the field', () => {
    spec
      .given([assigned()])
      .when(correct('a-9'))
      .thenThrows(TierError, refusal(TierErrorCode.UnknownReference, 'corrects'));
  });

  it('is refused for a correction, pointing to the change it corrects', () => {
    spec
      .given([assigned(), corrected()])
      .when(correct('c-1', 'platinum', 'c-2'))
      .thenThrows(
        TierError,
        (error) => refusal(TierErrorCode.UnknownReference, 'corrects')(error) && error.message.includes('(a-1)'),
      );
  });

  it('is refused with a tier the programme does not have', () => {
    spec
      .given([assigned()])
      .when(correct('a-1', 'diamond'))
      .thenThrows(TierError, refusal(TierErrorCode.UnknownReference, 'tierId'));
  });

  it('is refused with an id already naming another correction', () => {
    spec
      .given([assigned(), corrected()])
      .when(correct('a-1', 'platinum', 'c-1'))
      .thenThrows(TierError, refusal(TierErrorCode.IdInUse, 'correctionId'));
  });

  it('is refused for a dealer without a tier record', () => {
    spec.given([]).when(correct()).thenThrows(TierError, refusal(TierErrorCode.NotFound));
  });
});

describe('the tier record events', () => {
  it('are valid against their schemas as decided', () => {
    const events = [assigned(), proposed(), confirmed(), rejected(), corrected()];
    for (const event of events) expect(() => tierRecordDecider.events.check(event)).not.toThrow();
  });
});
