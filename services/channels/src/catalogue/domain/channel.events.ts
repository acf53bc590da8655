import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';
import { ChannelKind } from '../../core/domain/channel-kind';

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
