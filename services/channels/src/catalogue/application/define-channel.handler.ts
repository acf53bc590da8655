import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { ChannelDefinition } from '../domain/channel.events';
import { ChannelStreams } from './channel-streams';

/** Defines or replaces one channel of the caller's division. */
@Injectable()
export class DefineChannelHandler {
  constructor(@Inject(ChannelStreams) private readonly catalogues: ChannelStreams) {}

  execute(channel: ChannelDefinition, caller: RequestContext, expectedVersion?: number) {
    return this.catalogues.run(caller.divisionId, caller, expectedVersion, {
      type: 'DefineChannel',
      data: { divisionId: caller.divisionId, channel },
    });
  }
}
