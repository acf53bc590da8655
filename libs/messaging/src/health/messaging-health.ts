import type { ConsumerStatus } from '../consumer/consumer-runner';
import type { RelayStatus } from '../relay/relay';

/** What health needs of a consumer runner or a relay. */
interface Monitored<Status> {
  status(): Status;
  lag(): Promise<number>;
}

export interface MessagingReadiness {
  ready: boolean;
  consumers: ConsumerStatus[];
  relays: RelayStatus[];
}

export interface MessagingMetrics {
  consumerLag: Record<string, number>;
  relayLag: Record<string, number>;
}

/** Readiness and lag of the consumers and relays one process runs, for health checks and metrics. */
export class MessagingHealth {
  private readonly consumers = new Set<Monitored<ConsumerStatus>>();
  private readonly relays = new Set<Monitored<RelayStatus>>();

  register(part: { consumer?: Monitored<ConsumerStatus>; relay?: Monitored<RelayStatus> }): void {
    if (part.consumer) this.consumers.add(part.consumer);
    if (part.relay) this.relays.add(part.relay);
  }

  /** Ready when every consumer consumes and no relay has failed (a standby relay waiting for its lock is ready). */
  readiness(): MessagingReadiness {
    const consumers = [...this.consumers].map((consumer) => consumer.status());
    const relays = [...this.relays].map((relay) => relay.status());
    const ready =
      consumers.every((status) => status.state === 'consuming') &&
      relays.every((status) => status.state !== 'failed' && status.state !== 'stopped');
    return { ready, consumers, relays };
  }

  async metrics(): Promise<MessagingMetrics> {
    const consumerLag: Record<string, number> = {};
    const relayLag: Record<string, number> = {};
    for (const consumer of this.consumers) consumerLag[consumer.status().groupId] = await consumer.lag();
    for (const relay of this.relays) relayLag[relay.status().service] = await relay.lag();
    return { consumerLag, relayLag };
  }

  /** Prometheus text exposition of the lags. */
  async prometheus(): Promise<string> {
    const { consumerLag, relayLag } = await this.metrics();
    const lines = [
      '# HELP salesos_consumer_lag Records on the topics not yet committed by the consumer group.',
      '# TYPE salesos_consumer_lag gauge',
      ...Object.entries(consumerLag).map(([group, lag]) => `salesos_consumer_lag{group="${group}"} ${lag}`),
      '# HELP salesos_relay_lag Events in the store not yet published by the service relay.',
      '# TYPE salesos_relay_lag gauge',
      ...Object.entries(relayLag).map(([service, lag]) => `salesos_relay_lag{service="${service}"} ${lag}`),
    ];
    return `${lines.join('\n')}\n`;
  }
}
