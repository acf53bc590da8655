import { fromEventRecord, type IntegrationEvent } from '@salesos/contracts';
import type { IncomingRecord } from '../message-transport.port';
import type { HistoryPage, TopicHistoryReader } from '../topic-history';

/** The partitions of the topics an in-process transport holds, by topic name; a topic not created yet has none. */
export interface HeldRecords {
  topicPartitions(name: string): readonly (readonly IncomingRecord[])[];
}

/**
 * The records an in-process transport holds, from the first, partition after partition (so per key in order).
 * Records that are not integration events are skipped, as the live consumer dead-letters them.
 */
export class HeldRecordsHistory implements TopicHistoryReader {
  /** Next offset to read, per `topic:partition`. */
  private readonly reached = new Map<string, number>();

  constructor(
    private readonly held: HeldRecords,
    private readonly topics: readonly string[],
  ) {}

  next(maxCount: number): Promise<HistoryPage> {
    const events: IntegrationEvent[] = [];
    let scanned = 0;
    for (const [key, log] of this.logs()) {
      let offset = this.reached.get(key) ?? 0;
      while (offset < log.length && scanned < maxCount) {
        const record = log[offset] as IncomingRecord;
        const decoded = fromEventRecord({ value: record.value, headers: record.headers });
        if (decoded.ok) events.push(decoded.event);
        offset += 1;
        scanned += 1;
      }
      this.reached.set(key, offset);
    }
    return Promise.resolve({ events, scanned, isEnd: this.left() === 0 });
  }

  remaining(): Promise<number> {
    return Promise.resolve(this.left());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private left(): number {
    let left = 0;
    for (const [key, log] of this.logs()) left += log.length - (this.reached.get(key) ?? 0);
    return left;
  }

  private *logs(): Generator<[string, readonly IncomingRecord[]]> {
    for (const topic of this.topics) {
      const partitions = this.held.topicPartitions(topic);
      for (let partition = 0; partition < partitions.length; partition += 1) {
        yield [`${topic}:${partition}`, partitions[partition] as readonly IncomingRecord[]];
      }
    }
  }
}
