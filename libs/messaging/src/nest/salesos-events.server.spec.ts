import { Controller, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { toEventRecord, type IntegrationEvent } from '@salesos/contracts';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { MemoryInbox } from '../consumer/inbox.port';
import { InProcessTransport } from '../transport/in-process/in-process-transport';
import { orderContract, orderRegistry, orderType, waitUntil } from '../testing';
import { SalesosEventContext } from './event-context';
import { SalesosEventsServer } from './salesos-events.server';

@Injectable()
class OrderBook {
  readonly seen: Array<{ orderId: string; partition: number; attempt: number }> = [];
}

@Controller()
class OrdersConsumer {
  constructor(private readonly book: OrderBook) {}

  @EventPattern(orderType)
  onOrderPlaced(@Payload() event: IntegrationEvent<{ orderId: string }>, @Ctx() context: SalesosEventContext): void {
    const delivery = context.getDelivery();
    this.book.seen.push({ orderId: event.data.orderId, partition: delivery.partition, attempt: delivery.attempt });
  }
}

@Module({ controllers: [OrdersConsumer], providers: [OrderBook] })
class OrdersModule {}

describe('SalesosEventsServer', () => {
  it('serves @EventPattern handlers through the consumer runner', async () => {
    const contract = orderContract('salesos.test.nest-orders', 2);
    const transport = new InProcessTransport();
    await transport.ensureTopics([contract.topic]);
    const server = new SalesosEventsServer<undefined>(
      (handlers) =>
        new ConsumerRunner({
          groupId: 'nest-orders',
          topics: [contract.topic.name],
          handlers,
          transport,
          inbox: new MemoryInbox(),
          registry: orderRegistry(contract),
        }),
    );
    const app = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    await app.listen();
    const producer = transport.producer();
    await producer.send(
      contract.topic.name,
      ['o-1', 'o-2', 'o-1'].map((orderId, index) =>
        toEventRecord({
          id: `e-${index}`,
          type: orderType,
          source: '/salesos/tests',
          subject: orderId,
          time: new Date().toISOString(),
          data: { orderId, seq: 1 },
        }),
      ),
    );
    const book = app.get(OrderBook);
    await waitUntil(() => book.seen.length === 3, 5000, 'three events');
    expect(book.seen.map((entry) => entry.orderId).sort()).toEqual(['o-1', 'o-1', 'o-2']);
    expect(book.seen.every((entry) => entry.attempt === 1)).toBe(true);
    expect(server.consumer?.status()).toMatchObject({ state: 'consuming', processed: 3 });
    await app.close();
    expect(server.consumer?.status().state).toBe('stopped');
  });
});
