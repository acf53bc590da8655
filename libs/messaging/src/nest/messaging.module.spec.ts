import { Test } from '@nestjs/testing';
import { MessagingHealth } from '../health/messaging-health';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import { InProcessTransport } from '../transport/in-process/in-process-transport';
import type { MessageTransport } from '../transport/message-transport.port';
import { MESSAGE_TRANSPORT, MessagingModule } from './messaging.module';

describe('MessagingModule', () => {
  it('provides the in-process transport and the health of the process', async () => {
    const shared = new InProcessTransport();
    const module = await Test.createTestingModule({
      imports: [MessagingModule.forRoot({ transport: 'in-process', shared })],
    }).compile();
    expect(module.get<MessageTransport>(MESSAGE_TRANSPORT)).toBe(shared);
    expect(module.get(MessagingHealth).readiness()).toEqual({
      status: 'up',
      ready: true,
      reasons: [],
      dependencies: [],
      consumers: [],
      relays: [],
      views: [],
    });
    await module.close();
  });

  it('provides a Kafka transport for the configured brokers', async () => {
    const module = await Test.createTestingModule({
      imports: [MessagingModule.forRoot({ transport: 'kafka', brokers: ['127.0.0.1:9092'], clientId: 'leads' })],
    }).compile();
    expect(module.get<MessageTransport>(MESSAGE_TRANSPORT)).toBeInstanceOf(KafkaTransport);
    await module.close();
  });
});
