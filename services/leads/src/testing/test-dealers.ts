import type { INestApplicationContext } from '@nestjs/common';
import { DealerActivatedV1, DealerSuspendedV1, DealerTerminatedV1, eventOf } from '@salesos/contracts';
import { ChannelDealers, RecordDealerStandingHandler } from '../dealers';

/** The dealers the tests attribute deals to. */
export const testDealerIds = ['dealer-1', 'dealer-3', 'dealer-4', 'dealer-9', 'dealer-north', 'd-1', 'd-2'] as const;

export interface TestDealer {
  dealerId: string;
  /** `north` unless told. */
  divisionId?: string;
  /** `dealers` unless told. */
  channelId?: string;
  /** Active unless told. */
  standing?: 'active' | 'suspended' | 'terminated';
}

/**
 * Tells a leads application of dealers as the channels service's dealer topic would: each dealer's events, handed to
 * the handler the service's consumer hands them to, activated and then, when asked, suspended or terminated.
 */
export async function recordTestDealers(
  app: INestApplicationContext,
  dealers: readonly TestDealer[] = testDealerIds.map((dealerId) => ({ dealerId })),
): Promise<void> {
  const record = app.get(RecordDealerStandingHandler);
  for (const { dealerId, divisionId = 'north', channelId = 'dealers', standing = 'active' } of dealers) {
    const envelope = (step: string, time: string) => ({ id: `test-dealer:${dealerId}:${step}`, time, divisionId });
    const activatedAt = '2026-01-05T09:00:00.000Z';
    const changedAt = '2026-02-02T09:00:00.000Z';
    const ids = { dealerId, divisionId };
    await record.execute(
      eventOf(DealerActivatedV1, envelope('activated', activatedAt), { ...ids, channelId, activatedAt }),
    );
    if (standing === 'suspended') {
      await record.execute(
        eventOf(DealerSuspendedV1, envelope(standing, changedAt), {
          ...ids,
          reason: 'Overdue payments',
          suspendedAt: changedAt,
        }),
      );
    }
    if (standing === 'terminated') {
      await record.execute(
        eventOf(DealerTerminatedV1, envelope(standing, changedAt), {
          ...ids,
          reason: 'The dealer retires',
          effectiveDay: '2026-01-31',
          terminatedAt: changedAt,
        }),
      );
    }
  }
}

/**
 * Waits until the leads service has heard of the dealers from the channels service's dealer topic (in the same
 * standing, when one is given): for platform tests that record dealers through the channels service.
 */
export async function untilLeadsKnowDealers(
  app: INestApplicationContext,
  dealers: ReadonlyArray<string | { dealerId: string; standing: string }>,
  timeoutMs = 10_000,
): Promise<void> {
  const known = app.get(ChannelDealers);
  const deadline = Date.now() + timeoutMs;
  for (const dealer of dealers) {
    const { dealerId, standing } = typeof dealer === 'string' ? { dealerId: dealer, standing: undefined } : dealer;
    for (;;) {
      const heard = await known.dealer(dealerId);
      if (heard !== undefined && (standing === undefined || heard.standing === standing)) break;
      if (Date.now() > deadline) throw new Error(`the leads service has not heard of dealer ${dealerId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
