import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@salesos/contracts';
import { DealRegistrationIntake, type DealRegistrationSubmittedData } from '../application/deal-registration-intake';

export const dealRegistrationSubmittedType = 'salesos.channels.DealRegistrationSubmitted.v1';

/** Dealer registrations from the channels service, answered through the intake. */
@Controller()
export class DealRegistrationsConsumer {
  constructor(@Inject(DealRegistrationIntake) private readonly intake: DealRegistrationIntake) {}

  @EventPattern(dealRegistrationSubmittedType)
  async onSubmitted(@Payload() event: IntegrationEvent<DealRegistrationSubmittedData>): Promise<void> {
    await this.intake.decide(event);
  }
}
