import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  DealerActivatedV1,
  DealerReinstatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  type IntegrationEvent,
} from '@salesos/contracts';
import { RecordDealerStandingHandler } from '../application/record-dealer-standing.handler';

/** The channels service's dealer events: each dealer's division, channel and standing, kept for attributions. */
@Controller()
export class ChannelsDealersConsumer {
  constructor(@Inject(RecordDealerStandingHandler) private readonly record: RecordDealerStandingHandler) {}

  @EventPattern(DealerActivatedV1.type)
  async onActivated(@Payload() event: IntegrationEvent): Promise<void> {
    await this.record.execute(event);
  }

  @EventPattern(DealerSuspendedV1.type)
  async onSuspended(@Payload() event: IntegrationEvent): Promise<void> {
    await this.record.execute(event);
  }

  @EventPattern(DealerReinstatedV1.type)
  async onReinstated(@Payload() event: IntegrationEvent): Promise<void> {
    await this.record.execute(event);
  }

  @EventPattern(DealerTerminatedV1.type)
  async onTerminated(@Payload() event: IntegrationEvent): Promise<void> {
    await this.record.execute(event);
  }
}
