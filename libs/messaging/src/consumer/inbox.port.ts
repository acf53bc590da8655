/**
 * Records event ids and runs their effects in one transaction, so an event delivered twice has one effect.
 * `Tx` is what the effects write through (an EntityManager for TypeORM).
 */
export interface Inbox<Tx> {
  /** Whether effects and ids commit together; a non-transactional inbox is given one event at a time. */
  readonly transactional: boolean;
  /**
   * Records the ids not seen before and, in the same transaction, runs `effects` with them; returns those ids.
   * When `effects` throws, nothing is recorded.
   */
  processBatch(
    groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: Tx) => Promise<void>,
  ): Promise<ReadonlySet<string>>;
}

/** Keeps processed ids in memory, for unit tests. Memory has no rollback, so it takes one event at a time. */
export class MemoryInbox implements Inbox<undefined> {
  readonly transactional = false;
  private readonly seen = new Map<string, Set<string>>();

  async processBatch(
    groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: undefined) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    const seen = this.seen.get(groupId) ?? new Set<string>();
    this.seen.set(groupId, seen);
    const fresh = new Set(eventIds.filter((id) => !seen.has(id)));
    await effects(fresh, undefined);
    for (const id of fresh) seen.add(id);
    return fresh;
  }
}

/**
 * Records nothing: for consumers whose effect is itself idempotent, such as a command whose event ids derive from
 * the message id, so the event store refuses a second copy.
 */
export class PassThroughInbox implements Inbox<undefined> {
  readonly transactional = false;

  async processBatch(
    _groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: undefined) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    const all = new Set(eventIds);
    await effects(all, undefined);
    return all;
  }
}
