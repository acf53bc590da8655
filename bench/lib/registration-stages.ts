/**
 * Where a registration's answer time goes, read off the stored events of a sample of registrations: when the
 * channels service stored the submission, when the leads service stored its decision, and when the channels service
 * stored the answer (each the commit's transaction time on the one PostgreSQL server both databases live on).
 */
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import { type Distribution, distribution } from './messaging-timing';

export interface RegistrationStages {
  /** Channels relay to Kafka, the leads consumer, its decision stored. */
  submittedToDecidedMs: Distribution;
  /** Leads relay to Kafka, the channels consumer, the answer stored. */
  decidedToAnsweredMs: Distribution;
}

const at = (event: RecordedEvent | undefined): number =>
  event === undefined ? Number.NaN : Date.parse(event.metadata.recordedAt);

export async function registrationStages(
  channels: EventStore,
  leads: EventStore,
  registrationIds: readonly string[],
): Promise<RegistrationStages> {
  const toDecided: number[] = [];
  const toAnswered: number[] = [];
  for (const registrationId of registrationIds) {
    const [registration, decision] = await Promise.all([
      channels.readStream(`registration-${registrationId}`),
      leads.readStream(`dealregistration-${registrationId}`),
    ]);
    const submitted = at(registration.find((event) => event.type === 'RegistrationSubmitted'));
    const answered = at(registration.find((event) => event.type !== 'RegistrationSubmitted'));
    const decided = at(decision[0]);
    if (Number.isNaN(submitted + answered + decided)) continue;
    toDecided.push(decided - submitted);
    toAnswered.push(answered - decided);
  }
  return { submittedToDecidedMs: distribution(toDecided), decidedToAnsweredMs: distribution(toAnswered) };
}
