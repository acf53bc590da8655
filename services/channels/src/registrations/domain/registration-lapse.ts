import { RegistrationError, RegistrationErrorCode } from './registration.errors';
import type { RegistrationState } from './registration.state';

const dayMs = 24 * 60 * 60 * 1000;

/** A lapse setting is a whole number of days, at least one. */
export function checkLapseAfterDays(lapseAfterDays: number): void {
  if (!Number.isInteger(lapseAfterDays) || lapseAfterDays < 1) {
    throw new RegistrationError(
      RegistrationErrorCode.InvalidInput,
      `lapseAfterDays must be a whole number of days, at least 1, not ${lapseAfterDays}`,
      'lapseAfterDays',
    );
  }
}

/** The instant a lapse falls due after the last activity. */
export function lapseDueFrom(lastActivityAt: string, lapseAfterDays: number): string {
  return new Date(Date.parse(lastActivityAt) + lapseAfterDays * dayMs).toISOString();
}

/**
 * The instant an accepted registration's lapse falls due: `lapseAfterDays` whole days (of 24 hours) after its
 * acceptance or its latest progress. Undefined for any other state, for which no timer should wait. The durable
 * timer is (re)armed from this after every event of the stream, so a progress moves it and a lapse disarms it.
 */
export function lapseDueAt(state: RegistrationState, lapseAfterDays: number): string | undefined {
  checkLapseAfterDays(lapseAfterDays);
  if (state.status !== 'accepted') return undefined;
  return lapseDueFrom(state.lastActivityAt, lapseAfterDays);
}
