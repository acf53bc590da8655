export * from './decider';
export * from './command-handler';
export * from './upcasting';
export { deterministicEventId, deterministicUuid } from './deterministic-id';
export * from './event-codec';
export * from './streams-in-memory';
export * from './sample-stream';
