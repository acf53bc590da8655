import {
  DealerActivatedV1,
  DealerPlanSetV1,
  DealerReinstatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  TierChangedV1,
} from '@salesos/contracts';
import { on, type Projection } from './projection';
import type { DealerColumns } from './channel-rows.entity';
import type { ReadModelSession } from './read-model-session';

interface DealerFacts {
  dealerId: string;
  divisionId: string;
  channelId?: string;
  companyName?: string;
}

/** A dealer's new standing; the channel and name stay as first recorded when an event does not carry them. */
function standing(
  session: ReadModelSession,
  data: DealerFacts,
  status: DealerColumns['status'],
  statusSince: string,
): void {
  const known = session.dealer(data.dealerId);
  session.saveDealer({
    dealerId: data.dealerId,
    divisionId: data.divisionId,
    channelId: data.channelId ?? known?.channelId ?? null,
    companyName: data.companyName ?? known?.companyName ?? null,
    status,
    statusSince,
  });
}

/** The first day of a plan period and the day after its last: a year, a quarter (2026-Q3) or a month (2026-07). */
export function periodDays(period: string): { start: string; end: string } {
  const [yearText, part] = period.split('-') as [string, string | undefined];
  const year = Number(yearText);
  const day = (y: number, month: number) => `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  if (part === undefined) return { start: day(year, 1), end: day(year + 1, 1) };
  const [first, months] = part.startsWith('Q') ? [(Number(part.slice(1)) - 1) * 3 + 1, 3] : [Number(part), 1];
  const after = first + months;
  return { start: day(year, first), end: after > 12 ? day(year + 1, after - 12) : day(year, after) };
}

const activated = on(DealerActivatedV1, ({ data }, session) => standing(session, data, 'active', data.activatedAt));
const suspended = on(DealerSuspendedV1, ({ data }, session) => standing(session, data, 'suspended', data.suspendedAt));
const reinstated = on(DealerReinstatedV1, ({ data }, session) => standing(session, data, 'active', data.reinstatedAt));
const terminated = on(DealerTerminatedV1, ({ data }, session) =>
  standing(session, data, 'terminated', data.effectiveDay),
);

/** Every change is kept, corrections beside what they correct: the reports apply them for the day they ask about. */
const tierChanged = on(TierChangedV1, ({ data }, session) => {
  session.addTierChange({
    changeId: data.changeId,
    dealerId: data.dealerId,
    divisionId: data.divisionId,
    programmeId: data.programmeId,
    tierId: data.tierId,
    effectiveFrom: data.effectiveFrom,
    corrects: data.corrects ?? null,
    changedAt: data.changedAt,
  });
});

/** A plan revision replaces an earlier one of the same dealer and period; an older one arriving late changes nothing. */
const planSet = on(DealerPlanSetV1, ({ data }, session) => {
  const known = session.plan(data.dealerId, data.period);
  if (known !== undefined && known.revision >= data.revision) return;
  const { start, end } = periodDays(data.period);
  session.savePlan({
    dealerId: data.dealerId,
    period: data.period,
    divisionId: data.divisionId,
    revision: data.revision,
    amount: data.value.amount,
    currency: data.value.currency,
    units: data.units,
    periodStart: start,
    periodEnd: end,
    setAt: data.setAt,
  });
});

/** The channels' read models: dealers and their standing, each dealer's tier history, and its plans per period. */
export const channelsProjection: Projection = {
  name: 'channels',
  tables: ['rpt_dealer', 'rpt_dealer_tier', 'rpt_dealer_plan'],
  handlers: new Map([activated, suspended, reinstated, terminated, tierChanged, planSet]),
};
