/**
 * When each registration's answer was recorded: the channels service stores the leads service's answer as
 * RegistrationAccepted or RegistrationConflicted on the registration's stream, and GET /registrations/{id} reads that
 * stream, so a dealer sees the answer from the moment it is committed. One reader tails the registration streams of
 * the service's store and notes the moment each answer shows there: one query every few milliseconds instead of a
 * GET per waiting registration, which would load the service being measured. The run still reads a sample of the
 * answered registrations through the API to show that they read as answered there too.
 */
import type { EventStore } from '@salesos/event-store';
import { sleep } from './messaging-timing';
import { progress } from './progress';

const answerTypes = new Set(['RegistrationAccepted', 'RegistrationConflicted']);
const streamPrefix = 'registration-';

export interface RecordedAnswer {
  at: number;
  answer: 'accepted' | 'conflicted';
}

export class RegistrationAnswers {
  private readonly answered = new Map<string, RecordedAnswer>();
  private readonly waiting = new Map<string, (answer: RecordedAnswer) => void>();
  private position = 0n;
  private stopped = false;
  private failure: Error | undefined;
  private tail: Promise<void> | undefined;
  polls = 0;

  constructor(
    private readonly store: EventStore,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.tail = this.follow().catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      progress(`registration answers: the store's tail stopped: ${this.failure.message}`);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.tail;
  }

  /** Resolves with the answer once it is recorded; undefined when `timeoutMs` passes first. */
  answer(registrationId: string, timeoutMs: number): Promise<RecordedAnswer | undefined> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const known = this.answered.get(registrationId);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(registrationId);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(registrationId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      const page = await this.store.readAll({
        after: this.position,
        maxCount: 1000,
        filter: { categories: ['registration'] },
      });
      this.polls += 1;
      const at = performance.now();
      for (const event of page.events) {
        if (!answerTypes.has(event.type)) continue;
        const registrationId = event.metadata.streamId.slice(streamPrefix.length);
        const answer = { at, answer: event.type === 'RegistrationAccepted' ? 'accepted' : 'conflicted' } as const;
        this.answered.set(registrationId, answer);
        this.waiting.get(registrationId)?.(answer);
        this.waiting.delete(registrationId);
      }
      this.position = page.lastScannedPosition;
      if (page.isEnd) await sleep(this.pollMs);
    }
  }
}
