import { describeEventStoreContract } from '../testing/event-store.contract';
import { MemoryEventStore } from './memory-event-store';

describeEventStoreContract('memory', () => {
  const store = new MemoryEventStore({ pollIntervalMs: 20 });
  return Promise.resolve({ store, teardown: () => store.close() });
});
