import { openTokenVerifier } from '@salesos/auth';
import type { PlatformConfig } from '@salesos/config';
import { openEventStore } from '@salesos/event-store/factory';
import { type RunningService, runService } from '@salesos/http';
import { kafkaMessaging, type ServiceMessaging } from '@salesos/messaging';
import { createStaffingApp } from './staffing-app';
import { openStaffingDatabase } from './staffing-database';

/**
 * The staffing service alone: its event store, its views' database, and Kafka to publish on (as configured, or
 * through the messaging given, such as a benchmark's topics of its own).
 */
export async function startStaffingService(
  config: PlatformConfig,
  messaging: ServiceMessaging = kafkaMessaging(config, 'salesos-staffing'),
): Promise<RunningService> {
  const store = await openEventStore(config.eventStore);
  const database = await openStaffingDatabase(config.staffingDatabase);
  const app = await createStaffingApp({
    store,
    database,
    viewsLock: messaging.relayLock(),
    publishing: { transport: messaging.transport, lock: messaging.relayLock() },
    auth: openTokenVerifier(config),
  });
  return { app, close: () => Promise.all([store.close(), database.destroy(), messaging.transport.close()]) };
}

if (require.main === module) runService('staffing', startStaffingService);
