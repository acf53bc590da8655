import type { BatchContext } from '../transport/message-transport.port';

/**
 * The group membership while one batch is handled. A heartbeat that fails says the group may have moved the
 * partition elsewhere; it says nothing against the database work in hand, which is valid and commits (the inbox makes
 * a redelivery harmless). So a failed heartbeat never throws into the handlers' transaction: it is remembered, the
 * batch takes no further record, and what is done gets committed.
 */
export class BatchMembership {
  private lostWith: string | undefined;

  constructor(private readonly context: BatchContext) {}

  /** Sends a heartbeat if one is due; never throws. */
  async heartbeat(): Promise<void> {
    if (this.lostWith !== undefined) return;
    try {
      await this.context.heartbeat();
    } catch (error) {
      this.lostWith = error instanceof Error ? error.message : String(error);
    }
  }

  /** Why the membership was lost during this batch, if it was. */
  get lost(): string | undefined {
    return this.lostWith;
  }

  /** Whether to take the next record: not once the consumer stops, the partition moved, or a heartbeat failed. */
  shouldContinue(): boolean {
    return this.lostWith === undefined && this.context.shouldContinue();
  }
}
