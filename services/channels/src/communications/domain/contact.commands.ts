import type { Command } from '@salesos/event-sourcing';
import type { ContactKind } from './contact.events';

/** The application checks that `dealerId` names a dealer of the division before it sends this. */
export type LogContact = Command<
  'LogContact',
  {
    contactId: string;
    dealerId: string;
    divisionId: string;
    kind: ContactKind;
    /** A calendar day or an instant. */
    happenedAt: string;
    summary: string;
    outcome: string;
    followUpDue?: string;
    loggedBy: string;
  }
>;
export type CompleteFollowUp = Command<'CompleteFollowUp', { completedAt: string; note: string }>;

export type ContactCommand = LogContact | CompleteFollowUp;
