import type { Decider } from '@salesos/event-sourcing';
import type { ContactCommand } from './contact.commands';
import { contactDay, isAfter, isBefore } from './contact-days';
import { type ContactEvent, contactEvents, type ContactKind } from './contact.events';
import { CommunicationError, CommunicationErrorCode } from './communication.errors';

/**
 * One contact with a dealer, logged on a stream of its own: every rule (a follow-up after the contact, completed
 * once) concerns one contact, so nothing needs a dealer's whole log, and people logging contacts with the same dealer
 * never contend for one stream that would only grow.
 */
export interface LoggedContact {
  status: 'logged';
  contactId: string;
  dealerId: string;
  divisionId: string;
  kind: ContactKind;
  happenedAt: string;
  summary: string;
  outcome: string;
  followUpDue?: string;
  loggedBy: string;
  loggedAt: string;
  followUpCompleted?: { completedAt: string; note: string };
}

export type ContactState = { status: 'none' } | LoggedContact;

const invalid = (field: string, message: string): CommunicationError =>
  new CommunicationError(CommunicationErrorCode.InvalidInput, message, field);

/** The contact, if it exists in the caller's division; another division's contact is reported as not found. */
function existing(state: ContactState, command: ContactCommand): LoggedContact {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new CommunicationError(CommunicationErrorCode.NotFound, 'No contact with this id in your division');
  }
  return state;
}

/** A contact with a dealer, with its outcome and the follow-up it calls for. */
export const contactDecider: Decider<ContactState, ContactCommand, ContactEvent> = {
  events: contactEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): ContactEvent[] {
    const now = command.metadata.now;
    switch (command.type) {
      case 'LogContact': {
        const { followUpDue, ...data } = command.data;
        if (state.status !== 'none') {
          throw new CommunicationError(
            CommunicationErrorCode.AlreadyExists,
            `Contact ${data.contactId} is logged already`,
          );
        }
        if (isAfter(data.happenedAt, now)) {
          throw invalid('happenedAt', `A contact is logged once it happened; ${data.happenedAt} is still to come`);
        }
        if (followUpDue !== undefined && followUpDue < contactDay(data.happenedAt)) {
          throw invalid(
            'followUpDue',
            `The follow-up cannot be due (${followUpDue}) before the contact (${contactDay(data.happenedAt)})`,
          );
        }
        return [
          {
            type: 'ContactLogged',
            data: { ...data, ...(followUpDue === undefined ? {} : { followUpDue }), loggedAt: now },
          },
        ];
      }
      case 'CompleteFollowUp': {
        const contact = existing(state, command);
        const { completedAt, note } = command.data;
        if (contact.followUpDue === undefined) {
          throw new CommunicationError(
            CommunicationErrorCode.NoFollowUp,
            `Contact ${contact.contactId} has no follow-up to complete`,
          );
        }
        const done = contact.followUpCompleted;
        if (done !== undefined) {
          if (done.completedAt === completedAt && done.note === note) return [];
          throw new CommunicationError(
            CommunicationErrorCode.FollowUpCompleted,
            `The follow-up of contact ${contact.contactId} is completed already, at ${done.completedAt}`,
          );
        }
        if (isAfter(completedAt, now)) {
          throw invalid('completedAt', `A follow-up is completed once it is done; ${completedAt} is still to come`);
        }
        if (isBefore(completedAt, contact.happenedAt)) {
          throw invalid(
            'completedAt',
            `A follow-up cannot be completed (${completedAt}) before its contact happened (${contact.happenedAt})`,
          );
        }
        return [
          {
            type: 'FollowUpCompleted',
            data: {
              contactId: contact.contactId,
              dealerId: contact.dealerId,
              divisionId: contact.divisionId,
              followUpDue: contact.followUpDue,
              completedAt,
              note,
            },
          },
        ];
      }
    }
  },

  evolve(state, event): ContactState {
    switch (event.type) {
      case 'ContactLogged':
        return { status: 'logged', ...event.data };
      case 'FollowUpCompleted':
        if (state.status === 'none') return state;
        return { ...state, followUpCompleted: { completedAt: event.data.completedAt, note: event.data.note } };
    }
  },
};
