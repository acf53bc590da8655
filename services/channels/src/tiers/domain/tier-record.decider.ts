import type { Decider } from '@salesos/event-sourcing';
import { isCalendarDay } from '@salesos/kernel';
import { qualifyingTier } from './qualifying-tier';
import type { TierRecordCommand } from './tier-record.commands';
import { type TierRecordEvent, tierRecordEvents } from './tier-record.events';
import { TierError, TierErrorCode } from './tier.errors';
import {
  changeIndex,
  currentTier,
  emptyTierHistory,
  type TierHistory,
  withChange,
  withCorrection,
} from './tier-history';
import type { TierProgrammeDefinition } from './tier-programme.events';

export interface TierReview {
  reviewId: string;
  fromTierId: string;
  tierId: string;
  status: 'proposed' | 'confirmed' | 'rejected';
}

export interface TierCorrection {
  correctionId: string;
  corrects: string;
  tierId: string;
}

export interface TierRecord {
  status: 'recorded';
  dealerId: string;
  divisionId: string;
  /** The programme of the latest change. */
  programmeId: string;
  /** Effective changes with corrections applied: what `tierAsOf` answers from. */
  history: TierHistory;
  reviews: TierReview[];
  corrections: TierCorrection[];
}

export type TierRecordState = { status: 'none' } | TierRecord;

function existing(state: TierRecordState, command: TierRecordCommand): TierRecord {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new TierError(
      TierErrorCode.NotFound,
      'No dealer tier record with this id in your division: assign a tier first',
    );
  }
  return state;
}

function checkTier(programme: TierProgrammeDefinition, tierId: string): void {
  if (!programme.tiers.some((tier) => tier.tierId === tierId)) {
    throw new TierError(
      TierErrorCode.UnknownReference,
      `Programme ${programme.programmeId} has no tier '${tierId}'; its tiers are ${programme.tiers.map((tier) => tier.tierId).join(', ')}`,
      'tierId',
    );
  }
}

function checkDay(day: string, field: string): void {
  if (!isCalendarDay(day))
    throw new TierError(TierErrorCode.InvalidInput, `'${day}' is not a calendar day (YYYY-MM-DD)`, field);
}

/** Changes are appended in effective order; one dated before the latest would rewrite what reports already used. */
function notRetroactive(record: TierRecord, effectiveFrom: string): void {
  const latest = record.history.days.at(-1);
  if (latest !== undefined && effectiveFrom < latest) {
    const changeId = record.history.changeIds.at(-1) as string;
    throw new TierError(
      TierErrorCode.Retroactive,
      `Dealer ${record.dealerId}'s tier changes run up to ${latest} (change ${changeId}): a change effective ` +
        `${effectiveFrom} would rewrite that history; correct the change that was wrong instead`,
    );
  }
}

/** Ids of changes, reviews and corrections share one space, so that `corrects` is never ambiguous. */
function refuseIdInUse(record: TierRecord, id: string, field: string): void {
  const used =
    changeIndex(record.history, id) !== -1 ||
    record.reviews.some((review) => review.reviewId === id) ||
    record.corrections.some((correction) => correction.correctionId === id);
  if (used) throw new TierError(TierErrorCode.IdInUse, `'${id}' already names something in this tier record`, field);
}

function reviewOf(record: TierRecord, reviewId: string): TierReview {
  const review = record.reviews.find((candidate) => candidate.reviewId === reviewId);
  if (review === undefined) {
    throw new TierError(
      TierErrorCode.UnknownReference,
      `Dealer ${record.dealerId} has no tier review ${reviewId}`,
      'reviewId',
    );
  }
  return review;
}

const closed = (review: TierReview): TierError =>
  new TierError(TierErrorCode.ReviewClosed, `Tier review ${review.reviewId} was ${review.status}`);

/** The tier a dealer holds over time: assigned, proposed by reviews and confirmed by a manager, and corrected. */
export const tierRecordDecider: Decider<TierRecordState, TierRecordCommand, TierRecordEvent> = {
  events: tierRecordEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): TierRecordEvent[] {
    const now = command.metadata.now;
    if (command.type === 'AssignTier') {
      const { programme, changeId, dealerId, divisionId, tierId, effectiveFrom, assignedBy } = command.data;
      checkTier(programme, tierId);
      checkDay(effectiveFrom, 'effectiveFrom');
      if (state.status !== 'none') {
        const record = existing(state, command);
        if (dealerId !== record.dealerId) {
          throw new TierError(
            TierErrorCode.InvalidInput,
            `This is dealer ${record.dealerId}'s tier record`,
            'dealerId',
          );
        }
        if (divisionId !== record.divisionId) {
          throw new TierError(
            TierErrorCode.InvalidInput,
            `Dealer ${record.dealerId}'s tier record belongs to division ${record.divisionId}`,
            'divisionId',
          );
        }
        const at = changeIndex(record.history, changeId);
        // A repeat of an assignment already recorded asks for what is already true.
        if (at !== -1 && record.history.days[at] === effectiveFrom && record.history.tierIds[at] === tierId) return [];
        refuseIdInUse(record, changeId, 'changeId');
        notRetroactive(record, effectiveFrom);
        if (currentTier(record.history)?.tierId === tierId) return [];
      }
      return [
        {
          type: 'TierAssigned',
          data: {
            changeId,
            dealerId,
            divisionId,
            programmeId: programme.programmeId,
            tierId,
            effectiveFrom,
            assignedBy,
            assignedAt: now,
          },
        },
      ];
    }
    const record = existing(state, command);
    const about = { dealerId: record.dealerId, divisionId: record.divisionId, programmeId: record.programmeId };
    switch (command.type) {
      case 'ProposeTierChange': {
        const { reviewId, programme, figures } = command.data;
        if (record.reviews.some((review) => review.reviewId === reviewId)) return [];
        const pending = record.reviews.find((review) => review.status === 'proposed');
        if (pending !== undefined) {
          throw new TierError(
            TierErrorCode.ReviewPending,
            `Tier review ${pending.reviewId} (proposing '${pending.tierId}') is pending: confirm or reject it first`,
          );
        }
        refuseIdInUse(record, reviewId, 'reviewId');
        const qualifying = qualifyingTier(programme, figures);
        const fromTierId = currentTier(record.history)?.tierId as string;
        if (qualifying.tierId === fromTierId) return [];
        return [
          {
            type: 'TierChangeProposed',
            data: {
              reviewId,
              ...about,
              programmeId: programme.programmeId,
              fromTierId,
              tierId: qualifying.tierId,
              figures,
              proposedAt: now,
            },
          },
        ];
      }
      case 'ConfirmTierChange': {
        const { reviewId, confirmedBy, effectiveFrom } = command.data;
        const review = reviewOf(record, reviewId);
        if (review.status === 'confirmed') return [];
        if (review.status === 'rejected') throw closed(review);
        checkDay(effectiveFrom, 'effectiveFrom');
        notRetroactive(record, effectiveFrom);
        return [
          {
            type: 'TierChangeConfirmed',
            data: {
              reviewId,
              ...about,
              fromTierId: currentTier(record.history)?.tierId as string,
              tierId: review.tierId,
              effectiveFrom,
              confirmedBy,
              confirmedAt: now,
            },
          },
        ];
      }
      case 'RejectTierProposal': {
        const { reviewId, rejectedBy, reason } = command.data;
        const review = reviewOf(record, reviewId);
        if (review.status === 'rejected') return [];
        if (review.status === 'confirmed') throw closed(review);
        return [
          {
            type: 'TierProposalRejected',
            data: { reviewId, ...about, tierId: review.tierId, rejectedBy, reason, rejectedAt: now },
          },
        ];
      }
      case 'CorrectTier': {
        const { correctionId, corrects, programme, tierId, reason, correctedBy } = command.data;
        const at = changeIndex(record.history, corrects);
        if (at === -1) {
          const correction = record.corrections.find((candidate) => candidate.correctionId === corrects);
          throw new TierError(
            TierErrorCode.UnknownReference,
            correction === undefined
              ? `Dealer ${record.dealerId} has no tier change ${corrects}`
              : `${corrects} is a correction: correct the change it corrects (${correction.corrects}) again instead`,
            'corrects',
          );
        }
        checkTier(programme, tierId);
        const previousTierId = record.history.tierIds[at] as string;
        if (previousTierId === tierId) return [];
        refuseIdInUse(record, correctionId, 'correctionId');
        return [
          {
            type: 'TierCorrected',
            data: {
              correctionId,
              corrects,
              ...about,
              programmeId: programme.programmeId,
              tierId,
              previousTierId,
              effectiveFrom: record.history.days[at] as string,
              reason,
              correctedBy,
              correctedAt: now,
            },
          },
        ];
      }
    }
  },

  evolve(state, event): TierRecordState {
    if (state.status === 'none') {
      if (event.type !== 'TierAssigned') return state;
      const { dealerId, divisionId, programmeId } = event.data;
      const opened: TierRecord = {
        status: 'recorded',
        dealerId,
        divisionId,
        programmeId,
        history: emptyTierHistory,
        reviews: [],
        corrections: [],
      };
      return tierRecordDecider.evolve(opened, event);
    }
    const { programmeId } = event.data;
    switch (event.type) {
      case 'TierAssigned': {
        const { changeId, tierId, effectiveFrom } = event.data;
        return { ...state, programmeId, history: withChange(state.history, { changeId, tierId, effectiveFrom }) };
      }
      case 'TierChangeProposed': {
        const { reviewId, fromTierId, tierId } = event.data;
        return { ...state, reviews: [...state.reviews, { reviewId, fromTierId, tierId, status: 'proposed' }] };
      }
      case 'TierChangeConfirmed': {
        const { reviewId, tierId, effectiveFrom } = event.data;
        return {
          ...state,
          programmeId,
          history: withChange(state.history, { changeId: reviewId, tierId, effectiveFrom }),
          reviews: state.reviews.map((review) =>
            review.reviewId === reviewId ? { ...review, status: 'confirmed' as const } : review,
          ),
        };
      }
      case 'TierProposalRejected':
        return {
          ...state,
          reviews: state.reviews.map((review) =>
            review.reviewId === event.data.reviewId ? { ...review, status: 'rejected' as const } : review,
          ),
        };
      case 'TierCorrected': {
        const { correctionId, corrects, tierId } = event.data;
        return {
          ...state,
          history: withCorrection(state.history, corrects, tierId),
          corrections: [...state.corrections, { correctionId, corrects, tierId }],
        };
      }
    }
  },
};
