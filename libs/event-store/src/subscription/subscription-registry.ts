import type { Subscription } from '../event-store.port';

/** Remembers live subscriptions so closing a store ends them instead of leaving them polling a closed store. */
export class SubscriptionRegistry {
  private readonly live = new Set<Subscription>();

  track(subscription: Subscription): Subscription {
    this.live.add(subscription);
    subscription.closed.then(
      () => this.live.delete(subscription),
      () => this.live.delete(subscription),
    );
    return subscription;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
  }
}
