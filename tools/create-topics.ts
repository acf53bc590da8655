/**
 * Creates the platform's Kafka topics with their partitions and retention, as the Kubernetes topics Job does before
 * the services start: `node dist/platform/tools/create-topics.js` in the image, configured by the same environment
 * as the services (KAFKA_BROKERS). Topics that exist are left as they are; run it again at any time.
 */
import { ConfigError, loadPlatformConfig } from '@salesos/config';
import { kafkaMessaging } from '@salesos/messaging';
import { platformTopics } from './platform-topics';

const retention = (ms: number): string => (ms < 0 ? 'kept forever' : `${ms / 86_400_000} days`);

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const { transport } = kafkaMessaging(config, 'salesos-create-topics');
  const topics = platformTopics();
  try {
    await transport.ensureTopics(topics);
  } finally {
    await transport.close();
  }
  process.stdout.write(
    [
      `${topics.length} topics at ${config.kafkaBrokers.join(',')} (created where missing, existing ones left as they are):`,
      ...topics.map((topic) => `  ${topic.name}: ${topic.partitions} partitions, ${retention(topic.retentionMs)}`),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `Creating the topics failed: ${String(error)}\n`,
  );
  process.exit(1);
});
