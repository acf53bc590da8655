/** One unit of work: the effect of one event, skipped when its id was already recorded. */
export interface InboxItem<Tx> {
  eventId: string;
  effect: (tx: Tx) => Promise<void>;
}

/**
 * Runs effects and records their event ids in one transaction, so an event delivered twice has one effect.
 * `Tx` is what an effect writes through (an EntityManager for TypeORM).
 */
export interface Inbox<Tx> {
  /** All items in one transaction: the new ones run in order, the recorded ones are skipped. Returns the ids run. */
  processBatch(groupId: string, items: readonly InboxItem<Tx>[]): Promise<Set<string>>;
}

/**
 * Keeps processed ids in memory, for unit tests. Memory has no rollback, so each item is recorded as soon as its
 * effect succeeds: a batch that fails part-way keeps the items before the failure, as separate transactions would.
 */
export class MemoryInbox implements Inbox<undefined> {
  private readonly seen = new Map<string, Set<string>>();

  async processBatch(groupId: string, items: readonly InboxItem<undefined>[]): Promise<Set<string>> {
    const seen = this.seen.get(groupId) ?? new Set<string>();
    this.seen.set(groupId, seen);
    const ran = new Set<string>();
    for (const item of items) {
      if (seen.has(item.eventId)) continue;
      await item.effect(undefined);
      seen.add(item.eventId);
      ran.add(item.eventId);
    }
    return ran;
  }
}
