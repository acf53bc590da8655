export * from './integration-event';
export * from './cloud-events';
export * from './contract-registry';
export * from './asyncapi';
export * from './catalog';
