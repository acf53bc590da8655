import type { Decider } from '@salesos/event-sourcing';
import { type DealerChannelKind, dealerChannelKinds, isDealerChannelKind } from '../../core/domain/channel-kind';
import type { DealerCommand } from './dealer.commands';
import { DealerError, DealerErrorCode } from './dealer.errors';
import { type DealerEvent, dealerEvents } from './dealer.events';
import { type OnboardingRequirement, onboardingRequirements } from './onboarding-requirements';

export type DealerStatus = 'applied' | 'onboarding' | 'rejected' | 'active' | 'suspended' | 'terminated';

export interface RequirementTick {
  requirementId: string;
  evidence: string;
  evidenceUrl?: string;
  tickedBy: string;
  tickedAt: string;
}

export interface Dealer {
  status: DealerStatus;
  dealerId: string;
  divisionId: string;
  companyName: string;
  contactEmail: string;
  channelId: string;
  channelKind: DealerChannelKind;
  territories: string[];
  productGroups: string[];
  appliedBy: string;
  appliedAt: string;
  /** The onboarding checklist, empty until the application is approved. */
  requirements: OnboardingRequirement[];
  ticks: RequirementTick[];
  /** The users who act for the dealer: their tokens carry this dealer. */
  userIds: string[];
  rejectionReason?: string;
  suspensionReason?: string;
  termination?: { reason: string; effectiveDay: string };
}

export type DealerState = { status: 'none' } | Dealer;

/** The requirements of the checklist nobody has ticked yet, in checklist order. */
export function openRequirements(dealer: Dealer): OnboardingRequirement[] {
  return dealer.requirements.filter((item) => !dealer.ticks.some((tick) => tick.requirementId === item.requirementId));
}

/**
 * Whether a user may act for this dealer: one of its users, while the dealer exists as a partner. A rejected or
 * terminated dealer has no users any more, whatever the list says.
 */
export function isDealerUser(state: DealerState, userId: string): boolean {
  return state.status !== 'none' && isPartner(state.status) && state.userIds.includes(userId);
}

/** Whether the relationship stands: the dealer was neither rejected nor terminated. */
export function isPartner(status: DealerStatus): boolean {
  return status !== 'rejected' && status !== 'terminated';
}

/** The dealer, if it exists in the caller's division; another division's dealer is reported as not found. */
function existing(state: DealerState, command: DealerCommand): Dealer {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new DealerError(DealerErrorCode.NotFound, 'No dealer with this id in your division');
  }
  return state;
}

/** Refuses a command the dealer's state does not allow, naming the state. */
function requireStatus(dealer: Dealer, allowed: readonly DealerStatus[], action: string): void {
  if (!allowed.includes(dealer.status)) {
    throw new DealerError(
      DealerErrorCode.InvalidTransition,
      `Dealer ${dealer.dealerId} is ${dealer.status}: only ${allowed.join(' or ')} dealers can be ${action}`,
      { status: dealer.status },
    );
  }
}

/** The position of the first value listed a second time, or -1. */
function repeatedAt(values: readonly string[]): number {
  return values.findIndex((value, index) => values.indexOf(value) !== index);
}

function invalid(field: string, message: string): DealerError {
  return new DealerError(DealerErrorCode.InvalidInput, message, { field });
}

/** The application's channel kind, if dealers may join it, once its lists name each value once. */
function checkApplication(data: {
  channelKind: string;
  territories: string[];
  productGroups: string[];
}): DealerChannelKind {
  if (!isDealerChannelKind(data.channelKind)) {
    throw invalid(
      'channelKind',
      `A ${data.channelKind} channel has no dealers; a dealer joins a ${dealerChannelKinds.join(', ')} channel`,
    );
  }
  for (const name of ['territories', 'productGroups'] as const) {
    const at = repeatedAt(data[name]);
    if (at !== -1) throw invalid(`${name}[${at}]`, `'${data[name][at]}' is listed a second time`);
  }
  return data.channelKind;
}

/** Evidence links are opened by reviewers, so only web addresses are accepted. */
function checkEvidenceUrl(url: string | undefined): void {
  if (url === undefined) return;
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw invalid('evidenceUrl', 'The evidence link must be an http or https address');
  }
}

/** The day an instant was written on, in the offset it was written with. */
const dayOf = (instant: string): string => instant.slice(0, 10);

/** A dealer from its application through onboarding to active work, suspension and termination. */
export const dealerDecider: Decider<DealerState, DealerCommand, DealerEvent> = {
  events: dealerEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): DealerEvent[] {
    const now = command.metadata.now;
    if (command.type === 'ApplyAsDealer') {
      const data = command.data;
      if (state.status !== 'none') {
        throw new DealerError(
          DealerErrorCode.AlreadyExists,
          `Dealer ${data.dealerId} already exists and is ${state.status}`,
          {
            status: state.status,
          },
        );
      }
      const channelKind = checkApplication(data);
      return [{ type: 'DealerApplied', data: { ...data, channelKind, appliedAt: now } }];
    }
    const dealer = existing(state, command);
    const ids = { dealerId: dealer.dealerId, divisionId: dealer.divisionId };
    switch (command.type) {
      case 'ApproveApplication':
        if (dealer.status === 'onboarding') return [];
        requireStatus(dealer, ['applied'], 'approved');
        return [
          {
            type: 'DealerApplicationApproved',
            data: { ...ids, requirements: onboardingRequirements(dealer.channelKind), approvedAt: now },
          },
        ];
      case 'RejectApplication':
        if (dealer.status === 'rejected') return [];
        requireStatus(dealer, ['applied'], 'rejected');
        return [{ type: 'DealerApplicationRejected', data: { ...ids, reason: command.data.reason, rejectedAt: now } }];
      case 'TickRequirement': {
        requireStatus(dealer, ['onboarding'], 'ticked off');
        const { requirementId, evidenceUrl, ...tick } = command.data;
        checkEvidenceUrl(evidenceUrl);
        if (!dealer.requirements.some((item) => item.requirementId === requirementId)) {
          throw invalid(
            'requirementId',
            `Dealer ${dealer.dealerId}'s checklist has no requirement '${requirementId}'; it has ${dealer.requirements
              .map((item) => item.requirementId)
              .join(', ')}`,
          );
        }
        // A requirement is met once; the evidence first given stays the record of it.
        if (dealer.ticks.some((done) => done.requirementId === requirementId)) return [];
        return [
          {
            type: 'OnboardingRequirementTicked',
            data: {
              ...ids,
              requirementId,
              ...tick,
              ...(evidenceUrl === undefined ? {} : { evidenceUrl }),
              tickedAt: now,
            },
          },
        ];
      }
      case 'ActivateDealer': {
        if (dealer.status === 'active') return [];
        requireStatus(dealer, ['onboarding'], 'activated');
        const open = openRequirements(dealer).map((item) => item.requirementId);
        if (open.length > 0) {
          throw new DealerError(
            DealerErrorCode.RequirementsOpen,
            `Dealer ${dealer.dealerId} is onboarding with requirements still open: ${open.join(', ')}`,
            { status: dealer.status, openRequirementIds: open },
          );
        }
        return [
          {
            type: 'DealerActivated',
            data: { ...ids, channelId: dealer.channelId, companyName: dealer.companyName, activatedAt: now },
          },
        ];
      }
      case 'SuspendDealer':
        if (dealer.status === 'suspended') return [];
        requireStatus(dealer, ['active'], 'suspended');
        return [{ type: 'DealerSuspended', data: { ...ids, reason: command.data.reason, suspendedAt: now } }];
      case 'ReinstateDealer':
        // An active dealer is what reinstating asks for, so a repeat after success changes nothing.
        if (dealer.status === 'active') return [];
        requireStatus(dealer, ['suspended'], 'reinstated');
        return [{ type: 'DealerReinstated', data: { ...ids, reinstatedAt: now } }];
      case 'TerminateDealer': {
        if (dealer.status === 'terminated') return [];
        // An application is rejected, not terminated: there was no cooperation to end.
        requireStatus(dealer, ['onboarding', 'active', 'suspended'], 'terminated');
        const { reason, effectiveDay } = command.data;
        if (effectiveDay < dayOf(dealer.appliedAt)) {
          throw invalid(
            'effectiveDay',
            `The termination cannot take effect before dealer ${dealer.dealerId} applied (${dayOf(dealer.appliedAt)})`,
          );
        }
        return [{ type: 'DealerTerminated', data: { ...ids, reason, effectiveDay, terminatedAt: now } }];
      }
      case 'AddDealerUser':
        requireStatus(dealer, ['onboarding', 'active', 'suspended'], 'given users');
        if (dealer.userIds.includes(command.data.userId)) return [];
        return [{ type: 'DealerUserAdded', data: { ...ids, userId: command.data.userId, addedAt: now } }];
      case 'RemoveDealerUser':
        requireStatus(dealer, ['onboarding', 'active', 'suspended'], 'relieved of users');
        if (!dealer.userIds.includes(command.data.userId)) return [];
        return [{ type: 'DealerUserRemoved', data: { ...ids, userId: command.data.userId, removedAt: now } }];
    }
  },

  evolve(state, event): DealerState {
    if (event.type === 'DealerApplied') {
      const { appliedAt, ...applied } = event.data;
      return { status: 'applied', ...applied, appliedAt, requirements: [], ticks: [], userIds: [] };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'DealerApplicationApproved':
        return { ...state, status: 'onboarding', requirements: event.data.requirements };
      case 'DealerApplicationRejected':
        return { ...state, status: 'rejected', rejectionReason: event.data.reason };
      case 'OnboardingRequirementTicked': {
        const { dealerId: _dealerId, divisionId: _divisionId, ...tick } = event.data;
        return { ...state, ticks: [...state.ticks, tick] };
      }
      case 'DealerActivated':
        return { ...state, status: 'active' };
      case 'DealerSuspended':
        return { ...state, status: 'suspended', suspensionReason: event.data.reason };
      case 'DealerReinstated': {
        const { suspensionReason: _reason, ...reinstated } = state;
        return { ...reinstated, status: 'active' };
      }
      case 'DealerTerminated':
        return {
          ...state,
          status: 'terminated',
          termination: { reason: event.data.reason, effectiveDay: event.data.effectiveDay },
        };
      case 'DealerUserAdded':
        return { ...state, userIds: [...state.userIds, event.data.userId] };
      case 'DealerUserRemoved':
        return { ...state, userIds: state.userIds.filter((userId) => userId !== event.data.userId) };
    }
  },
};
