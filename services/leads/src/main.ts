import { openTokenVerifier } from '@salesos/auth';
import type { PlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { type RunningService, runService } from '@salesos/http';
import { kafkaMessaging, type ServiceMessaging } from '@salesos/messaging';
import { createLeadsApp } from './leads-app';
import { openLeadsDatabase } from './leads-database';

/**
 * The leads service alone: its event store, its views' database, and Kafka to publish and to hear from channels
 * (as configured, or through the messaging given, such as a benchmark's topics of its own).
 */
export async function startLeadsService(
  config: PlatformConfig,
  messaging: ServiceMessaging = kafkaMessaging(config, 'salesos-leads'),
): Promise<RunningService> {
  const store = await openEventStore(config.eventStore);
  const database = await openLeadsDatabase(config.leadsDatabase);
  const app = await createLeadsApp({
    store,
    database,
    viewsLock: messaging.relayLock(),
    publishing: { transport: messaging.transport, lock: messaging.relayLock() },
    consuming: { transport: messaging.transport },
    imports: { limits: config.imports },
    auth: openTokenVerifier(config),
  });
  return { app, close: () => Promise.all([store.close(), database.destroy(), messaging.transport.close()]) };
}

if (require.main === module) runService('leads', startLeadsService);
