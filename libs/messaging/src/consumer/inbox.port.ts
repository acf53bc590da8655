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

/** Keeps processed ids in memory; for unit tests and the embedded mode's tests. */
export class MemoryInbox implements Inbox<undefined> {
  private readonly seen = new Map<string, Set<string>>();

  async processBatch(groupId: string, items: readonly InboxItem<undefined>[]): Promise<Set<string>> {
    const seen = this.seen.get(groupId) ?? new Set<string>();
    const fresh = items.filter((item) => !seen.has(item.eventId));
    for (const item of fresh) await item.effect(undefined);
    const ran = new Set(fresh.map((item) => item.eventId));
    this.seen.set(groupId, new Set([...seen, ...ran]));
    return ran;
  }
}
