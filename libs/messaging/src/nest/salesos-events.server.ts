import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { ConsumerRunner, EventHandler } from '../consumer/consumer-runner';
import { SalesosEventContext } from './event-context';

export type ConsumerRunnerFactory<Tx> = (handlers: ReadonlyMap<string, EventHandler<Tx>>) => ConsumerRunner<Tx>;

/**
 * A Nest microservice transport whose engine is the project's consumer runner: handlers are declared with
 * `@EventPattern('<ce_type>')` and read like any Nest handler, while batching, dedupe, retries and
 * dead-lettering are the runner's guarantees. Works on Kafka and on the in-process transport alike.
 */
export class SalesosEventsServer<Tx = unknown> extends Server implements CustomTransportStrategy {
  private runner: ConsumerRunner<Tx> | undefined;

  constructor(private readonly createRunner: ConsumerRunnerFactory<Tx>) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    const handlers = new Map<string, EventHandler<Tx>>();
    for (const [pattern, handler] of this.getHandlers()) {
      handlers.set(pattern, async (event, tx, delivery) => {
        const result: unknown = await handler(event, new SalesosEventContext<Tx>([tx, delivery]));
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      });
    }
    this.runner = this.createRunner(handlers);
    // The runner joins its group in the background and retries until it is stopped: the application starts (and
    // answers HTTP) without waiting for the broker; readiness tells how far the consumer got.
    void this.runner.start();
    callback();
  }

  async close(): Promise<void> {
    await this.runner?.stop();
  }

  /** The runner, for health and lag. */
  get consumer(): ConsumerRunner<Tx> | undefined {
    return this.runner;
  }

  on(): never {
    throw new Error('SalesosEventsServer reports through status() and lag(), not events');
  }

  unwrap<T>(): T {
    return this.runner as T;
  }
}
