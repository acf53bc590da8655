import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ChannelStreams } from './channel-streams';

/** Retires a channel of the caller's division: it keeps its history, and nothing new is attributed to it. */
@Injectable()
export class RetireChannelHandler {
  constructor(@Inject(ChannelStreams) private readonly catalogues: ChannelStreams) {}

  execute(channelId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.catalogues.run(caller.divisionId, caller, expectedVersion, {
      type: 'RetireChannel',
      data: { divisionId: caller.divisionId, channelId, reason },
    });
  }
}
