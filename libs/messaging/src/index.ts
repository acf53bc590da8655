export * from './transport/message-transport.port';
export { KafkaTransport, type KafkaTransportOptions } from './transport/kafka/kafka-transport';
export {
  InProcessTransport,
  type InProcessTransportOptions,
  TransportClosedError,
} from './transport/in-process/in-process-transport';
export * from './consumer/inbox.port';
export * from './consumer/typeorm-inbox';
export * from './consumer/consumer-runner';
export * from './relay/relay-lock.port';
export { PostgresRelayLock, type PostgresRelayLockOptions } from './relay/postgres-relay-lock';
export * from './relay/relay';
export * from './nest/event-context';
export * from './nest/salesos-events.server';
export * from './health/messaging-health';
export * from './health/readiness';
export * from './health/dependencies';
export * from './messaging-logger';
export * from './nest/messaging.module';
export * from './nest/health.controller';
export * from './relay/envelope';
export * from './transport/topic-history';
export * from './relay/publication';
export * from './relay/stored-topic-history';
export * from './service-messaging';
export * from './nest/service-publisher';
export * from './nest/service-foundation';
