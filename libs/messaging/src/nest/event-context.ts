import { BaseRpcContext } from '@nestjs/microservices';
import type { DeliveryInfo } from '../consumer/consumer-runner';

/** What an `@EventPattern` handler gets with `@Ctx()`: the inbox transaction to write through, and the delivery. */
export class SalesosEventContext<Tx = unknown> extends BaseRpcContext<[Tx, DeliveryInfo]> {
  /** The transaction the effect must write through, so it commits with the dedupe record. */
  getTransaction(): Tx {
    return this.args[0];
  }

  getDelivery(): DeliveryInfo {
    return this.args[1];
  }
}
