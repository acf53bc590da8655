import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, oneOf, text } from '@salesos/kernel';

/** How a division reaches its customers: itself, through dealers, distributors, online, or through retail. */
export const channelKinds = ['direct', 'dealer', 'distributor', 'online', 'retail'] as const;
export const ChannelKind = oneOf(channelKinds);
export type ChannelKind = Static<typeof ChannelKind>;

/** Channels whose sales go through partners, each of whom is a dealer of the channel. */
export const partnerChannelKinds: readonly ChannelKind[] = ['dealer', 'distributor', 'retail'];

export const ChannelDefinition = Type.Object({
  channelId: Id,
  name: text(1, 120),
  kind: ChannelKind,
  /** The product groups this channel may sell; empty: none yet. */
  productGroups: Type.Array(Id, { maxItems: 200 }),
  /** The territories this channel may sell in; empty: none yet. */
  territories: Type.Array(Id, { maxItems: 200 }),
});
export type ChannelDefinition = Static<typeof ChannelDefinition>;

/** A division's channel catalogue: its channels, each defined or replaced as a whole, and retired. */
export const channelEvents = defineEvents({
  ChannelDefined: Type.Object({ divisionId: Id, channel: ChannelDefinition, definedAt: Instant }),
  ChannelRetired: Type.Object({ divisionId: Id, channelId: Id, reason: text(1, 500), retiredAt: Instant }),
});
export type ChannelEvent = EventOf<typeof channelEvents>;
