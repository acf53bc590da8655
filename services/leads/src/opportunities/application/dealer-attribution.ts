import type { ChannelDealers } from '../../dealers';
import type { ChannelAttribution } from '../domain/opportunity.events';

/**
 * The channel as the deal records it: direct as asked, or a dealer the channels service has active in the division,
 * with the channel that dealer sells through. Refuses any other dealer, naming `field`.
 */
export async function dealerAttribution(
  dealers: ChannelDealers,
  divisionId: string,
  channel: ChannelAttribution,
  field: string,
): Promise<ChannelAttribution> {
  if (channel.kind === 'direct') return channel;
  const dealer = await dealers.requireActiveDealer(divisionId, channel.dealerId, field);
  return {
    kind: 'dealer',
    dealerId: dealer.dealerId,
    ...(dealer.channelId === undefined ? {} : { channelId: dealer.channelId }),
  };
}
