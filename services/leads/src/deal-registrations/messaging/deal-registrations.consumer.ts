import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ContractData, DealRegistrationSubmittedV1, type IntegrationEvent } from '@salesos/contracts';
import { DealRegistrationIntake } from '../application/deal-registration-intake';

/** Dealer registrations from the channels service, answered through the intake. */
@Controller()
export class DealRegistrationsConsumer {
  constructor(@Inject(DealRegistrationIntake) private readonly intake: DealRegistrationIntake) {}

  @EventPattern(DealRegistrationSubmittedV1.type)
  async onSubmitted(
    @Payload() event: IntegrationEvent<ContractData<typeof DealRegistrationSubmittedV1>>,
  ): Promise<void> {
    await this.intake.decide(event);
  }
}
