import type { IntegrationEventContract, TopicDefinition } from '../integration-event';
import { id, instant, money, payload } from './schema-parts';

const days = (count: number): number => count * 24 * 60 * 60 * 1000;

export const dealRegistrationTopic: TopicDefinition = {
  name: 'salesos.channels.deal-registration',
  description: 'Deals dealers register so that dealer and direct sales do not collide. Key: registration id.',
  partitions: 3,
  retentionMs: days(90),
};

export const channelsContracts: IntegrationEventContract[] = [
  {
    name: 'DealRegistrationSubmitted',
    version: 1,
    service: 'channels',
    topic: dealRegistrationTopic,
    subjectField: 'registrationId',
    description: 'A dealer registered a prospective deal with a company.',
    schema: payload(
      'A deal registration',
      {
        registrationId: id,
        divisionId: id,
        dealerId: id,
        companyName: { type: 'string', minLength: 1, maxLength: 200 },
        contactEmail: { type: 'string', maxLength: 254 },
        estimatedValue: money,
        submittedAt: instant,
      },
      ['contactEmail', 'estimatedValue'],
    ),
  },
];
