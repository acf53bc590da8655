import { Kafka, logLevel } from 'kafkajs';

/**
 * The members a consumer group has now. The reporting service's group id is fixed, so a reporting process of
 * another run on the same broker would share the partitions and project some of this run's events elsewhere.
 */
export async function consumerGroupMembers(brokers: readonly string[], groupId: string): Promise<number> {
  const kafka = new Kafka({
    clientId: 'salesos-bench',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    // A broker under load may not have elected the group coordinator yet: ask again rather than fail the run.
    retry: { retries: 8 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `no Kafka broker answers at ${brokers.join(',')} (${(error as Error).message}): start one with ` +
        '`npm run kafka:start`, or point KAFKA_BROKERS at one.',
    );
  }
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.members.length ?? 0;
  } finally {
    await admin.disconnect();
  }
}
