import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { cloudEventSource, ContractRegistry, defineContract, type IntegrationEventContract } from '@salesos/contracts';
import type { NewEvent, RecordedEvent } from '@salesos/event-store';
import type { IntegrationMapper } from '../relay/publication';

/** A throwaway contract on a topic of its own, so tests never share topics. */
export function orderContract(
  topicName = `salesos.test.${randomUUID().slice(0, 8)}.order`,
  partitions = 3,
): IntegrationEventContract {
  return defineContract({
    name: 'OrderPlaced',
    version: 1,
    service: 'tests',
    topic: { name: topicName, description: 'Test orders', partitions, retentionMs: 3_600_000 },
    description: 'An order placed in a test',
    subjectField: 'orderId',
    schema: Type.Object(
      { orderId: Type.String(), seq: Type.Integer({ minimum: 1 }), note: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    example: { orderId: 'order-1', seq: 1 },
  });
}

export const orderType = 'salesos.tests.OrderPlaced.v1';

export function orderRegistry(contract: IntegrationEventContract): ContractRegistry {
  return new ContractRegistry([contract]);
}

export function orderPlaced(seq: number, note?: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'OrderPlaced',
    data: { seq, ...(note === undefined ? {} : { note }) },
    metadata: {
      occurredAt: new Date().toISOString(),
      divisionId: 'division-north',
      correlationId: 'corr-1',
      commandId: 'cmd-1',
    },
  };
}

/** Domain `OrderPlaced` in stream `order-<id>` -> integration `OrderPlaced` v1 keyed by order id. */
export const orderMapper: IntegrationMapper = (event: RecordedEvent) => {
  if (event.type !== 'OrderPlaced') return [];
  const orderId = event.metadata.streamId.slice('order-'.length);
  const data = event.data as { seq: number; note?: string };
  return [
    {
      id: event.metadata.eventId,
      type: orderType,
      source: cloudEventSource('tests'),
      subject: orderId,
      time: event.metadata.occurredAt,
      data: { orderId, ...data },
      ...(event.metadata.correlationId === undefined ? {} : { correlationId: event.metadata.correlationId }),
      causationId: event.metadata.commandId ?? event.metadata.eventId,
      ...(event.metadata.divisionId === undefined ? {} : { divisionId: event.metadata.divisionId }),
    },
  ];
};

export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
