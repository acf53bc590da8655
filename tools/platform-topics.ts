import { allContracts, type TopicDefinition } from '@salesos/contracts';
import { deadLetterTopicDefinition, relayDeadLetterTopic } from '@salesos/messaging';
import { channelsConsumerGroup } from '../services/channels/src';
import { leadsConsumerGroups } from '../services/leads/src';
import { projectionsGroup } from '../services/reporting/src';

/** The services whose relays publish; each parks the stored events it cannot publish on a topic of its own. */
const publishingServices = ['leads', 'channels', 'staffing'] as const;

/** The consumer groups the services read in; each dead-letters on a topic of its own. */
const consumerGroups = [
  ...Object.values(leadsConsumerGroups).map((group) => group.groupId),
  channelsConsumerGroup.groupId,
  projectionsGroup.groupId,
];

/**
 * Every topic the platform uses, with the partitions and retention the code defines: the published contracts'
 * topics, the relays' parking topics and the consumer groups' dead-letter topics. A deployment creates them before the
 * services start, so the services' own Kafka principal needs no right to create topics.
 */
export function platformTopics(): TopicDefinition[] {
  const topics = new Map<string, TopicDefinition>();
  for (const contract of allContracts) topics.set(contract.topic.name, contract.topic);
  for (const service of publishingServices) {
    const topic = relayDeadLetterTopic(service);
    topics.set(topic.name, topic);
  }
  for (const groupId of consumerGroups) {
    const topic = deadLetterTopicDefinition(groupId);
    topics.set(topic.name, topic);
  }
  return [...topics.values()];
}
