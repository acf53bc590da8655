import { ChannelError, ChannelErrorCode } from '../domain/channel.errors';
import type { Channel, ChannelCatalogue } from '../domain/channel.decider';

/** A division's catalogue as the service's view has it, with the version of its stream (0: nothing defined). */
export type DivisionChannels = ChannelCatalogue & { version: number };

/** The channels of each division, which dealers, agreements and plans refer to. */
export abstract class ChannelDirectory {
  abstract catalogueOf(divisionId: string): Promise<DivisionChannels>;

  /** The division's channel, or a refusal naming the request field that referred to it. */
  async requireChannel(divisionId: string, channelId: string, field = 'channelId'): Promise<Channel> {
    const channel = (await this.catalogueOf(divisionId)).channels.find(
      (candidate) => candidate.channelId === channelId,
    );
    if (channel === undefined) {
      throw new ChannelError(ChannelErrorCode.UnknownReference, `is not a channel of division ${divisionId}`, field);
    }
    if (channel.status === 'retired') {
      throw new ChannelError(ChannelErrorCode.Retired, `channel ${channelId} is retired`, field);
    }
    return channel;
  }
}
