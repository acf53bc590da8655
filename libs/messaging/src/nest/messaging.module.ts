import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingHealth } from '../health/messaging-health';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import { InProcessTransport } from '../transport/in-process/in-process-transport';
import type { MessageTransport } from '../transport/message-transport.port';

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

export type MessagingModuleOptions =
  | { transport: 'kafka'; brokers: string[]; clientId: string }
  | { transport: 'in-process'; shared?: InProcessTransport };

/** Closes the transport when the application shuts down (after consumers and relays have stopped). */
@Injectable()
class TransportLifecycle implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}

/** Provides the message transport the configuration names, and the messaging health of the process. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const transport: MessageTransport =
      options.transport === 'kafka'
        ? new KafkaTransport({ brokers: options.brokers, clientId: options.clientId })
        : (options.shared ?? new InProcessTransport());
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGE_TRANSPORT, useValue: transport }, MessagingHealth, TransportLifecycle],
      exports: [MESSAGE_TRANSPORT, MessagingHealth],
    };
  }
}
