import { Type } from '@sinclair/typebox';
import { Id, Instant, Money } from '@salesos/kernel';
import { defineContract, type IntegrationEventContract, type TopicDefinition } from '../integration-event';
import { CompanyName, Email } from '../fields/leads.fields';

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

export const dealRegistrationTopic: TopicDefinition = {
  name: 'salesos.channels.deal-registration',
  description: 'Deals dealers register so that dealer and direct sales do not collide. Key: registration id.',
  partitions: 3,
  retentionMs: days(90),
};

export const DealRegistrationSubmittedV1 = defineContract({
  name: 'DealRegistrationSubmitted',
  version: 1,
  service: 'channels',
  topic: dealRegistrationTopic,
  subjectField: 'registrationId',
  description: 'A dealer registered a prospective deal with a company.',
  schema: Type.Object(
    {
      registrationId: Id,
      divisionId: Id,
      dealerId: Id,
      companyName: CompanyName,
      contactEmail: Type.Optional(Email),
      estimatedValue: Type.Optional(Money),
      submittedAt: Instant,
    },
    { description: 'A deal registration' },
  ),
  example: {
    registrationId: 'registration-17',
    divisionId: 'machines',
    dealerId: 'dealer-4',
    companyName: 'Brandt Maschinenbau AG',
    contactEmail: 'einkauf@brandt.example',
    estimatedValue: { amount: 120_000, currency: 'EUR' },
    submittedAt: '2026-04-25T07:55:00.000Z',
  },
});

export const channelsContracts: readonly IntegrationEventContract[] = [DealRegistrationSubmittedV1];
