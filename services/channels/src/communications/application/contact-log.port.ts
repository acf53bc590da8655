import type { Page } from '@salesos/http';
import type { LoggedContact } from '../domain/contact.decider';

/** A contact as the service's view has it, with the version of its stream. */
export type ContactRecord = LoggedContact & { version: number };

/** A follow-up whose due day has passed with nobody getting back to the dealer. */
export interface OverdueFollowUp {
  contactId: string;
  dealerId: string;
  kind: LoggedContact['kind'];
  happenedAt: string;
  summary: string;
  followUpDue: string;
  daysOverdue: number;
}

/** A dealer nobody has contacted for a while; `lastContactDay` and `daysSince` are absent when never contacted. */
export interface SilentDealer {
  dealerId: string;
  companyName: string;
  lastContactDay?: string;
  daysSince?: number;
}

/** The division's contacts with its dealers, each list filtered and paged where the rows are. */
export abstract class ContactLog {
  abstract contact(divisionId: string, contactId: string): Promise<ContactRecord | undefined>;

  /** One dealer's contacts, newest first. */
  abstract ofDealer(divisionId: string, dealerId: string, offset: number, limit: number): Promise<Page<ContactRecord>>;

  /** Follow-ups not completed whose due day is before `today`, the longest overdue first. */
  abstract overdue(divisionId: string, today: string, offset: number, limit: number): Promise<Page<OverdueFollowUp>>;

  /**
   * The division's dealers (onboarding, active or suspended) whose latest contact happened `days` days or more
   * before `today`, those never contacted first, then the longest silent.
   */
  abstract silent(
    divisionId: string,
    today: string,
    days: number,
    offset: number,
    limit: number,
  ): Promise<Page<SilentDealer>>;
}
