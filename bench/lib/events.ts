import { randomUUID } from 'node:crypto';
import type { EventMetadataInput, NewEvent } from '@salesos/event-store';

/** A type alias, not an interface, so it also satisfies the peer's `Record<string, unknown>` payload type. */
export type LeadPayload = {
  leadId: string;
  sequence: number;
  company: string;
  contact: { name: string; email: string; phone: string };
  source: string;
  estimatedValue: { amount: number; currency: string };
  tags: string[];
};

export type BenchEvent = NewEvent<string, LeadPayload>;

/** One append a writer is about to make; `expectedVersion` 0 means the stream must not exist yet. */
export interface PlannedAppend {
  streamId: string;
  expectedVersion: number;
  events: BenchEvent[];
}

/** About 300 bytes of JSON data plus the metadata a command handler records; identical for every contender. */
export function leadEvent(streamId: string, sequence: number): BenchEvent {
  return {
    eventId: randomUUID(),
    type: sequence === 1 ? 'LeadCaptured' : 'LeadNoteAdded',
    data: {
      leadId: streamId,
      sequence,
      company: 'Acme Industrial Supplies GmbH',
      contact: { name: 'Jordan Example', email: 'jordan.example@acme-industrial.example', phone: '+49 30 1234567' },
      source: 'web-form',
      estimatedValue: { amount: 125_000, currency: 'EUR' },
      tags: ['enterprise', 'q3-campaign'],
    },
    metadata: {
      occurredAt: new Date().toISOString(),
      divisionId: 'division-north',
      actor: { userId: 'user-4711', roles: ['rep'] },
      correlationId: randomUUID(),
    } satisfies EventMetadataInput,
  };
}

/**
 * The streams one writer owns. Like a command handler, it opens a stream (expected: no stream) and then
 * appends to it again with the exact version it holds, `appendsPerStream` times in all, before moving on.
 */
export class WriterStreams {
  private streamNumber = 0;
  private appendsToStream = 0;

  constructor(
    private readonly prefix: string,
    private readonly eventsPerAppend: number,
    private readonly appendsPerStream: number,
  ) {}

  next(): PlannedAppend {
    if (this.appendsToStream === this.appendsPerStream) {
      this.streamNumber += 1;
      this.appendsToStream = 0;
    }
    const expectedVersion = this.appendsToStream * this.eventsPerAppend;
    this.appendsToStream += 1;
    const streamId = `${this.prefix}.${this.streamNumber}`;
    const events = Array.from({ length: this.eventsPerAppend }, (_, index) =>
      leadEvent(streamId, expectedVersion + index + 1),
    );
    return { streamId, expectedVersion, events };
  }
}

/** Sizes of one sample event's serialized parts, for the report. */
export function sampleEventBytes(): { data: number; metadata: number } {
  const sample = leadEvent('lead-bench.w0.0', 1);
  return {
    data: Buffer.byteLength(JSON.stringify(sample.data)),
    metadata: Buffer.byteLength(JSON.stringify(sample.metadata)),
  };
}
