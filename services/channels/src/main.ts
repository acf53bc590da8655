import { openTokenVerifier } from '@salesos/auth';
import type { PlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { type RunningService, runService } from '@salesos/http';
import { kafkaMessaging, type ServiceMessaging } from '@salesos/messaging';
import { createChannelsApp } from './channels-app';
import { openChannelsDatabase } from './channels-database';

/**
 * The channels service alone: its event store, its views' database, and Kafka to publish and to hear from leads
 * (as configured, or through the messaging given, such as a benchmark's topics of its own).
 */
export async function startChannelsService(
  config: PlatformConfig,
  messaging: ServiceMessaging = kafkaMessaging(config, 'salesos-channels'),
): Promise<RunningService> {
  const store = await openEventStore(config.eventStore);
  const database = await openChannelsDatabase(config.channelsDatabase);
  const app = await createChannelsApp({
    store,
    database,
    viewsLock: messaging.relayLock(),
    publishing: { transport: messaging.transport, lock: messaging.relayLock() },
    consuming: { transport: messaging.transport },
    auth: openTokenVerifier(config),
  });
  return { app, close: () => Promise.all([store.close(), database.destroy(), messaging.transport.close()]) };
}

if (require.main === module) runService('channels', startChannelsService);
