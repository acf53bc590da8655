export * from './decider';
export * from './command-handler';
export * from './upcasting';
export { deterministicEventId } from './deterministic-id';
