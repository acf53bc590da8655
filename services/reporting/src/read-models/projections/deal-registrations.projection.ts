import {
  DealRegistrationAcceptanceRecordedV1,
  DealRegistrationConflictRecordedV1,
  DealRegistrationLapsedV1,
  DealRegistrationLostV1,
  DealRegistrationSubmittedV1,
  DealRegistrationWonV1,
} from '@salesos/contracts';
import type { DealRegistrationColumns } from './deal-registration-row.entity';
import { on, type Projection } from './projection';
import type { ReadModelSession } from './read-model-session';

interface RegistrationFacts {
  registrationId: string;
  divisionId: string;
  dealerId: string;
}

/**
 * The registration with what one event says of it, whichever of its events came before. `at` is the event's instant:
 * none of a registration's events precedes its submission, so the earliest instant known stands in for a submission
 * the topic no longer holds, and the submission itself replaces it.
 */
function record(
  session: ReadModelSession,
  data: RegistrationFacts,
  at: string,
  change: Partial<DealRegistrationColumns>,
): void {
  const known = session.registration(data.registrationId);
  session.saveRegistration({
    registrationId: data.registrationId,
    divisionId: data.divisionId,
    dealerId: data.dealerId,
    submittedAt: known === undefined || Date.parse(at) < Date.parse(known.submittedAt) ? at : known.submittedAt,
    answer: known?.answer ?? null,
    answeredAt: known?.answeredAt ?? null,
    outcome: known?.outcome ?? null,
    closedAt: known?.closedAt ?? null,
    opportunityId: known?.opportunityId ?? null,
    ...change,
  });
}

/** Only an accepted registration is won, lost or lapses: its end says it was accepted when the acceptance is missing. */
function closed(
  session: ReadModelSession,
  data: RegistrationFacts & { opportunityId?: string },
  outcome: 'won' | 'lost' | 'lapsed',
  at: string,
): void {
  const known = session.registration(data.registrationId);
  record(session, data, at, {
    answer: 'accepted',
    outcome,
    closedAt: at,
    opportunityId: data.opportunityId ?? known?.opportunityId ?? null,
  });
}

const submitted = on(DealRegistrationSubmittedV1, ({ data }, session) => record(session, data, data.submittedAt, {}));
const accepted = on(DealRegistrationAcceptanceRecordedV1, ({ data }, session) => {
  const known = session.registration(data.registrationId);
  record(session, data, data.decidedAt, {
    answer: 'accepted',
    answeredAt: data.decidedAt,
    opportunityId: known?.opportunityId ?? data.opportunityId ?? null,
  });
});
const conflicted = on(DealRegistrationConflictRecordedV1, ({ data }, session) =>
  record(session, data, data.decidedAt, { answer: 'conflicted', answeredAt: data.decidedAt }),
);
const lapsed = on(DealRegistrationLapsedV1, ({ data }, session) => closed(session, data, 'lapsed', data.lapsedAt));
const won = on(DealRegistrationWonV1, ({ data }, session) => closed(session, data, 'won', data.wonAt));
const lost = on(DealRegistrationLostV1, ({ data }, session) => closed(session, data, 'lost', data.lostAt));

/** The dealers' deal registrations, each where it stands now: answered or not, and how an accepted one ended. */
export const dealRegistrationsProjection: Projection = {
  name: 'deal-registrations',
  tables: ['rpt_deal_registration'],
  handlers: new Map([submitted, accepted, conflicted, lapsed, won, lost]),
};
