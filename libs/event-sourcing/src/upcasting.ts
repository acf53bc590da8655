import type {
  EventStore,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@salesos/event-store';

/** Turns the payload of version `n` into version `n + 1`. */
export type UpcastStep = (data: unknown, event: RecordedEvent) => unknown;

/** Per event type, the step from each old version to the next. Versions start at 1 and have no gaps. */
export type UpcasterDefinitions = Readonly<Record<string, Readonly<Record<number, UpcastStep>>>>;

/** Reads old stored payloads in the current shape; stored events and their type names never change. */
export class Upcaster {
  private readonly current = new Map<string, number>();

  constructor(private readonly definitions: UpcasterDefinitions = {}) {
    for (const [type, steps] of Object.entries(definitions)) {
      const versions = Object.keys(steps)
        .map(Number)
        .sort((a, b) => a - b);
      versions.forEach((version, index) => {
        if (version !== index + 1) {
          throw new Error(`Upcasters of '${type}' must start at version 1 without gaps; found ${versions.join(', ')}`);
        }
      });
      this.current.set(type, versions.length + 1);
    }
  }

  /** The schema version new events of this type are written with. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    const target = this.currentVersion(event.type);
    let version = event.metadata.schemaVersion;
    if (version > target) {
      throw new Error(
        `Event ${event.metadata.eventId} of type '${event.type}' has schema version ${version}, newer than this code's ${target}`,
      );
    }
    if (version === target) return event;
    let data = event.data;
    while (version < target) {
      const step = this.definitions[event.type]?.[version] as UpcastStep;
      data = step(data, event);
      version += 1;
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: target } };
  }
}

/** Wraps a store so that every read and subscription delivers events in their current shape. */
export function withUpcasting(store: EventStore, upcaster: Upcaster): EventStore {
  return {
    appendSignal: store.appendSignal,
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: async (streamId: string, options?: ReadStreamOptions) =>
      (await store.readStream(streamId, options)).map((event) => upcaster.upcast(event)),
    readAll: async (options?: ReadAllOptions): Promise<ReadAllPage> => {
      const page = await store.readAll(options);
      return { ...page, events: page.events.map((event) => upcaster.upcast(event)) };
    },
    subscribe: ({ handler, batchHandler, ...options }: SubscribeOptions): Subscription =>
      store.subscribe(
        batchHandler === undefined
          ? { ...options, handler: (event) => handler?.(upcaster.upcast(event)) }
          : {
              ...options,
              batchHandler: (events, scannedTo) =>
                batchHandler(
                  events.map((event) => upcaster.upcast(event)),
                  scannedTo,
                ),
            },
      ),
    readCheckpoint: (subscriptionId) => store.readCheckpoint(subscriptionId),
    storeCheckpoint: (subscriptionId, position, expected) => store.storeCheckpoint(subscriptionId, position, expected),
    close: () => store.close(),
  };
}
