import type { INestApplicationContext } from '@nestjs/common';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { channelsViewsCaughtUp } from '../channels-app';
import { type DealerCommand, dealerDecider } from '../dealers';
import type { DealerChannelKind } from '../core/domain/channel-kind';

export interface TestDealer {
  dealerId: string;
  divisionId?: string;
  channelId?: string;
  channelKind?: DealerChannelKind;
  /** How far along the dealer is: applied, onboarding, active (the default) or suspended. */
  reach?: 'applied' | 'onboarding' | 'active' | 'suspended';
  userIds?: string[];
}

/**
 * Records a dealer of a test division straight through the dealer decider, as its own commands would, and waits
 * until the service's views hold it: for the tests of features that refer to dealers.
 */
export async function recordTestDealer(app: INestApplicationContext, store: EventStore, dealer: TestDealer) {
  const { dealerId, divisionId = 'north', reach = 'active' } = dealer;
  const handler = new CommandHandler(store, dealerDecider);
  let step = 0;
  const run = async (command: Omit<DealerCommand, 'metadata'>) => {
    step += 1;
    const metadata = {
      commandId: `test-dealer:${dealerId}:${step}`,
      now: new Date(Date.UTC(2026, 0, 5, 9, step)).toISOString(),
      divisionId,
      actor: { userId: 'manager-test', roles: ['division-manager'] },
    };
    return handler.handle(`dealer-${dealerId}`, { ...command, metadata } as DealerCommand);
  };
  let result = await run({
    type: 'ApplyAsDealer',
    data: {
      dealerId,
      divisionId,
      companyName: `${dealerId} Handels GmbH`,
      contactEmail: `sales@${dealerId}.example`,
      channelId: dealer.channelId ?? 'dealers',
      channelKind: dealer.channelKind ?? 'dealer',
      territories: ['north'],
      productGroups: ['presses'],
      appliedBy: 'manager-test',
    },
  });
  if (reach !== 'applied') {
    result = await run({ type: 'ApproveApplication', data: {} });
    for (const userId of dealer.userIds ?? []) result = await run({ type: 'AddDealerUser', data: { userId } });
  }
  if (reach === 'active' || reach === 'suspended') {
    const state = result.state;
    const requirements = state.status === 'none' ? [] : state.requirements;
    for (const requirement of requirements) {
      await run({
        type: 'TickRequirement',
        data: { requirementId: requirement.requirementId, evidence: 'on file', tickedBy: 'manager-test' },
      });
    }
    await run({ type: 'ActivateDealer', data: {} });
  }
  if (reach === 'suspended') await run({ type: 'SuspendDealer', data: { reason: 'Overdue payments' } });
  await channelsViewsCaughtUp(app, 10_000);
}
