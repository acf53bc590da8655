import type { Static } from '@sinclair/typebox';
import { oneOf } from '@salesos/kernel';

/** The ways a division sells: straight to the customer, or through a channel participant. */
export const channelKinds = ['direct', 'dealer', 'distributor', 'online', 'retail'] as const;
export const ChannelKind = oneOf(channelKinds);
export type ChannelKind = Static<typeof ChannelKind>;

/**
 * The channels a dealer can belong to: those with a participant in between. Direct and online sales are the
 * division's own, so nobody applies to them.
 */
export const dealerChannelKinds = ['dealer', 'distributor', 'retail'] as const;
export const DealerChannelKind = oneOf(dealerChannelKinds);
export type DealerChannelKind = Static<typeof DealerChannelKind>;

export const isDealerChannelKind = (kind: string): kind is DealerChannelKind =>
  (dealerChannelKinds as readonly string[]).includes(kind);
