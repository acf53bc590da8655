export * from './integration-event';
export * from './cloud-events';
export * from './contract-registry';
export * from './asyncapi';
export * from './catalog';
export * from './fields/leads.fields';
export * from './fields/channels.fields';
export * from './release';
export type { Static, TObject } from '@sinclair/typebox';
