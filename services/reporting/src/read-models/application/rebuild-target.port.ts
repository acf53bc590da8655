import type { IntegrationEvent } from '@salesos/contracts';

/** Applies events to the new tables; answers how many it took (others are not projected, or came twice). */
export type ApplyToNewTables = (events: readonly IntegrationEvent[]) => Promise<number>;

/** Where a rebuild writes: tables beside the live ones, swapped in at the end. */
export interface RebuildTarget {
  /** Empty tables beside the live ones, replacing what a failed rebuild left. */
  prepare(): Promise<void>;
  apply: ApplyToNewTables;
  /** Builds the new tables' indexes once they hold most of the history. */
  index(): Promise<void>;
  /**
   * In one transaction that no live batch can interleave with: `catchUp` applies what was published until now, then
   * the new tables replace the live ones, and every event they were built from counts as processed for the live
   * consumers, which go on after the last one.
   */
  swap(catchUp: (apply: ApplyToNewTables) => Promise<void>): Promise<void>;
  /** Drops what a rebuild that failed had built. */
  discard(): Promise<void>;
}
