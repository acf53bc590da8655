/** The channel catalogue: what other features and the service's composition may use of it. */
export { CatalogueModule } from './catalogue.module';
export { ChannelDirectory, type DivisionChannels } from './application/channel-directory.port';
export { DefineChannelHandler } from './application/define-channel.handler';
export type { Channel } from './domain/channel.decider';
export { type ChannelDefinition } from './domain/channel.events';
export { ChannelError, ChannelErrorCode } from './domain/channel.errors';
export { channelProblems } from './api/channel.problems';
export { CreateChannelCatalogueTables1766000000100 as CatalogueTables } from './projections/channels-tables.migration';
