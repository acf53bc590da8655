import { isCalendarDay } from '@salesos/kernel';
import { CommunicationError, CommunicationErrorCode } from './communication.errors';
import { contactDay, type DayOrInstant, daysBetween } from './contact-days';
import type { LoggedContact } from './contact.decider';

/** What the follow-up queries read of a contact: a read model's row will do as well as the decider's state. */
export type FollowUpEntry = Pick<LoggedContact, 'contactId' | 'dealerId' | 'followUpDue' | 'followUpCompleted'>;

export interface DealerSilence {
  dealerId: string;
  /** None when the dealer was never contacted. */
  lastContactDay?: string;
  daysSince?: number;
}

function checkDay(field: string, day: string): void {
  if (!isCalendarDay(day)) throw new CommunicationError(CommunicationErrorCode.InvalidInput, `${day} is no day`, field);
}

/**
 * The follow-ups not completed whose due day has passed by `today` (due today is not overdue yet), the longest
 * overdue first.
 */
export function overdueFollowUps<Entry extends FollowUpEntry>(
  entries: readonly Entry[],
  today: string,
): Array<Entry & { followUpDue: string; daysOverdue: number }> {
  checkDay('today', today);
  return entries
    .flatMap((entry) =>
      entry.followUpDue !== undefined && entry.followUpCompleted === undefined && entry.followUpDue < today
        ? [{ ...entry, followUpDue: entry.followUpDue, daysOverdue: daysBetween(entry.followUpDue, today) }]
        : [],
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.contactId.localeCompare(b.contactId));
}

/**
 * The day of each dealer's latest contact, for the dealers named (those never contacted map to undefined), so that
 * `dealersNotContactedSince` sees them too.
 */
export function lastContactByDealer(
  entries: ReadonlyArray<{ dealerId: string; happenedAt: DayOrInstant }>,
  dealerIds: readonly string[],
): Map<string, string | undefined> {
  const last = new Map<string, string | undefined>(dealerIds.map((dealerId) => [dealerId, undefined]));
  for (const entry of entries) {
    if (!last.has(entry.dealerId)) continue;
    const day = contactDay(entry.happenedAt);
    const known = last.get(entry.dealerId);
    if (known === undefined || day > known) last.set(entry.dealerId, day);
  }
  return last;
}

/**
 * The dealers nobody has contacted for `days` days or more by `today` (a dealer contacted exactly `days` days ago is
 * one of them), those never contacted first, then the longest silent.
 */
export function dealersNotContactedSince(
  lastContactByDealer: ReadonlyMap<string, string | undefined>,
  today: string,
  days: number,
): DealerSilence[] {
  checkDay('today', today);
  if (!Number.isInteger(days) || days < 0) {
    throw new CommunicationError(
      CommunicationErrorCode.InvalidInput,
      'days must be a whole number of at least 0',
      'days',
    );
  }
  const silent: DealerSilence[] = [];
  for (const [dealerId, lastContactDay] of lastContactByDealer) {
    if (lastContactDay === undefined) {
      silent.push({ dealerId });
      continue;
    }
    const daysSince = daysBetween(lastContactDay, today);
    if (daysSince >= days) silent.push({ dealerId, lastContactDay, daysSince });
  }
  const silence = (entry: DealerSilence): number => entry.daysSince ?? Number.POSITIVE_INFINITY;
  return silent.sort((a, b) => silence(b) - silence(a) || a.dealerId.localeCompare(b.dealerId));
}
