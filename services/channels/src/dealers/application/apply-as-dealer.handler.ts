import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ChannelDirectory } from '../../catalogue';
import { DealerStreams } from './dealer-streams';

export interface DealerApplication {
  dealerId: string;
  companyName: string;
  contactEmail: string;
  channelId: string;
  territories: string[];
  productGroups: string[];
}

/**
 * Records a company's application to sell through one of the division's channels; the channel's kind decides
 * whether it has dealers at all, and which onboarding checklist the approval opens.
 */
@Injectable()
export class ApplyAsDealerHandler {
  constructor(
    @Inject(DealerStreams) private readonly dealers: DealerStreams,
    @Inject(ChannelDirectory) private readonly channels: ChannelDirectory,
  ) {}

  async execute(application: DealerApplication, caller: RequestContext, expectedVersion?: number) {
    const channel = await this.channels.requireChannel(caller.divisionId, application.channelId);
    return this.dealers.run(application.dealerId, caller, expectedVersion, {
      type: 'ApplyAsDealer',
      data: {
        ...application,
        divisionId: caller.divisionId,
        channelKind: channel.kind,
        appliedBy: caller.actor.userId,
      },
    });
  }
}
