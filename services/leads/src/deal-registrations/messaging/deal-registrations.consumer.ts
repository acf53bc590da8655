import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ContractData, DealRegistrationSubmittedV1, type IntegrationEvent } from '@salesos/contracts';
import { DecideDealRegistrationHandler } from '../application/decide-deal-registration.handler';

/** Dealer registrations from the channels service, each answered once. */
@Controller()
export class DealRegistrationsConsumer {
  constructor(@Inject(DecideDealRegistrationHandler) private readonly decide: DecideDealRegistrationHandler) {}

  @EventPattern(DealRegistrationSubmittedV1.type)
  async onSubmitted(
    @Payload() event: IntegrationEvent<ContractData<typeof DealRegistrationSubmittedV1>>,
  ): Promise<void> {
    await this.decide.execute(event);
  }
}
