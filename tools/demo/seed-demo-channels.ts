import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@salesos/event-store';
import type { RequestContext } from '@salesos/http';
import type { DataSource } from 'typeorm';
import {
  ActivateDealerHandler,
  AddDealerUserHandler,
  AllocateFundBudgetHandler,
  ApplyAsDealerHandler,
  ApproveApplicationHandler,
  ApproveFundRequestHandler,
  AssignTierHandler,
  channelsViewsCaughtUp,
  ClaimFundsHandler,
  CompleteFollowUpHandler,
  ConfirmTierChangeHandler,
  DefineChannelHandler,
  DefineTierProgrammeHandler,
  DraftAgreementVersionHandler,
  LogContactHandler,
  onboardingRequirements,
  openChannelsDatabase,
  PayFundClaimHandler,
  ProposeTierChangeHandler,
  RejectApplicationHandler,
  RejectFundRequestHandler,
  RequestFundsHandler,
  SignAgreementVersionHandler,
  SuspendDealerHandler,
  TerminateDealerHandler,
  TickRequirementHandler,
} from '../../services/channels/src';
import { companyName, type DemoDivision, demoDealerIds, demoDivisions, dealersPerDivision } from './demo-company';
import { BusinessTime, MovableClock, SeededIds, SeededRandom } from './seeded-random';
import { seedingChannelsModule } from './seeding-services';

const dayMs = 24 * 60 * 60 * 1000;
/** The fund budgets are allocated this many days before the end, so that their requests have had time to move on. */
const fundBudgetDaysBack = 45;

type ChannelKind = 'direct' | 'dealer' | 'distributor' | 'online' | 'retail';
type DealerKind = 'dealer' | 'distributor' | 'retail';

/** The ways each division sells: its own channels, and those with a participant in between. */
const channelsByDivision: Readonly<Record<string, readonly ChannelKind[]>> = {
  machines: ['direct', 'dealer', 'distributor', 'online'],
  medical: ['direct', 'dealer', 'distributor', 'retail'],
  services: ['direct', 'dealer', 'online'],
};

const channelNames: Readonly<Record<ChannelKind, string>> = {
  direct: 'Direct sales',
  dealer: 'Authorised dealers',
  distributor: 'Distributors',
  online: 'Online shop',
  retail: 'Retail partners',
};

/** The tier programme of every division: bronze is the entry tier, gold asks most. */
const tierLadder = [
  { tierId: 'bronze', name: 'Bronze', revenue: 0, people: 0, winRate: 0 },
  { tierId: 'silver', name: 'Silver', revenue: 250_000, people: 2, winRate: 0.2 },
  { tierId: 'gold', name: 'Gold', revenue: 750_000, people: 4, winRate: 0.3 },
] as const;

/** Applicants per division after the dealers of its roster: one applied, two onboarding, one rejected. */
const applicantStates = ['applied', 'onboarding', 'onboarding', 'rejected'] as const;

export type DemoDealerStatus = 'applied' | 'onboarding' | 'active' | 'suspended' | 'terminated' | 'rejected';

export interface DemoDealer {
  dealerId: string;
  divisionId: string;
  status: DemoDealerStatus;
  tierId?: string;
  /** When it became active (epoch ms), for the dealers that sold. */
  activatedAt?: number;
}

export interface ChannelsSeedProgress {
  divisionId: string;
  channels: number;
  dealers: number;
  agreements: number;
  contacts: number;
  fundRequests: number;
}

export interface DemoChannelsOptions {
  seed: number;
  /** The seeded year's last day; by default the start of today (UTC), as the leads seed. */
  end?: Date;
  /**
   * The channels service's database: its views hold every seeded record when the seed returns. Without it the
   * service's views catch up from the store when it next starts.
   */
  database?: DataSource;
  onProgress?: (progress: ChannelsSeedProgress) => void;
}

export interface DemoChannelsResult {
  channels: number;
  dealers: DemoDealer[];
  agreements: number;
  contacts: number;
  fundRequests: number;
  /** The period of the seeded fund budgets (the quarter 45 days before the end). */
  fundPeriod: string;
}

const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** The calendar quarter of a day, as a channels period (`2026-Q4`). */
function quarterOf(at: number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The handlers the seed goes through: the channels service's own commands. */
function handlers(context: INestApplicationContext) {
  const get = <T>(type: abstract new (...args: never[]) => T): T => context.get(type, { strict: false });
  return {
    defineChannel: get(DefineChannelHandler),
    apply: get(ApplyAsDealerHandler),
    approve: get(ApproveApplicationHandler),
    reject: get(RejectApplicationHandler),
    tick: get(TickRequirementHandler),
    activate: get(ActivateDealerHandler),
    suspend: get(SuspendDealerHandler),
    terminate: get(TerminateDealerHandler),
    addUser: get(AddDealerUserHandler),
    draftAgreement: get(DraftAgreementVersionHandler),
    signAgreement: get(SignAgreementVersionHandler),
    defineProgramme: get(DefineTierProgrammeHandler),
    assignTier: get(AssignTierHandler),
    proposeTier: get(ProposeTierChangeHandler),
    confirmTier: get(ConfirmTierChangeHandler),
    logContact: get(LogContactHandler),
    completeFollowUp: get(CompleteFollowUpHandler),
    allocateFunds: get(AllocateFundBudgetHandler),
    requestFunds: get(RequestFundsHandler),
    approveFunds: get(ApproveFundRequestHandler),
    rejectFunds: get(RejectFundRequestHandler),
    claimFunds: get(ClaimFundsHandler),
    payFunds: get(PayFundClaimHandler),
  };
}

/**
 * Seeds each demo division's channels through the channels service's own commands, in business time over the year
 * before `end`: the channel catalogue, a tier programme, the dealers of the division's roster from application to
 * active work at each tier, one of them suspended and one terminated, with a signed agreement each (one expiring
 * within 60 days of `end`), a confirmed tier review, a contact history with follow-ups done, due and overdue, and a
 * market development fund budget with requests in every state; and a few companies still applying, onboarding or
 * rejected. Runs first on an empty store: the leads seed then tells the leads service of these dealers and gives deals
 * only to those active on the day, and `seedDemoPlansAndRegistrations` continues with the dealers' plans and deal
 * registrations. Seeded: the same seed and end write the same events.
 */
export async function seedDemoChannels(store: EventStore, options: DemoChannelsOptions): Promise<DemoChannelsResult> {
  const random = new SeededRandom(options.seed ^ 0x0c4a_11e1);
  const end = (options.end ?? new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`)).getTime();
  const time = new BusinessTime(new MovableClock(new Date(end)), end);
  const context = await NestFactory.createApplicationContext(
    seedingChannelsModule(store, time.clock, {
      database: options.database ?? (await openChannelsDatabase({ kind: 'sqlite', filename: ':memory:' })),
      ownsDatabase: options.database === undefined,
      ids: new SeededIds(random),
    }),
    { logger: ['error', 'warn'] },
  );
  const result: DemoChannelsResult = {
    channels: 0,
    dealers: [],
    agreements: 0,
    contacts: 0,
    fundRequests: 0,
    fundPeriod: quarterOf(end - fundBudgetDaysBack * dayMs),
  };
  try {
    const seeder = new ChannelsSeeder(handlers(context), time, random, result);
    for (const division of demoDivisions) {
      const before = { ...result, dealers: result.dealers.length };
      await seeder.seedDivision(division);
      options.onProgress?.({
        divisionId: division.divisionId,
        channels: result.channels - before.channels,
        dealers: result.dealers.length - before.dealers,
        agreements: result.agreements - before.agreements,
        contacts: result.contacts - before.contacts,
        fundRequests: result.fundRequests - before.fundRequests,
      });
    }
    if (!(await channelsViewsCaughtUp(context, 120_000))) throw new Error('the channels views did not catch up');
    return result;
  } finally {
    await context.close();
  }
}

class ChannelsSeeder {
  private readonly end: number;

  constructor(
    private readonly run: ReturnType<typeof handlers>,
    private readonly time: BusinessTime,
    private readonly random: SeededRandom,
    private readonly result: DemoChannelsResult,
  ) {
    this.end = time.end;
  }

  private at(time: number): void {
    this.time.at(time);
  }

  private as(division: DemoDivision, userId: string, role: string): RequestContext {
    return { divisionId: division.divisionId, actor: { userId, roles: [role] } };
  }

  async seedDivision(division: DemoDivision): Promise<void> {
    const start = this.end - 330 * dayMs;
    const admin = this.as(division, 'admin-1', 'admin');
    const manager = this.as(division, `manager-${division.divisionId}`, 'division-manager');
    const kinds = channelsByDivision[division.divisionId] ?? ['direct', 'dealer'];
    const territories = division.territories;
    const groups = division.productGroups.map((group) => group.groupId);
    this.at(start - 30 * dayMs);
    for (const kind of kinds) {
      await this.run.defineChannel.execute(
        {
          channelId: kind,
          name: channelNames[kind],
          kind,
          productGroups: groups,
          territories,
        },
        admin,
      );
      this.result.channels += 1;
    }
    const programmeId = `${division.divisionId}-partners`;
    await this.run.defineProgramme.execute(
      programmeId,
      {
        name: 'Partner programme',
        tiers: tierLadder.map((tier) => ({
          tierId: tier.tierId,
          name: tier.name,
          criteria: {
            minRevenueLast12Months: { amount: tier.revenue, currency: division.currency },
            minCertifiedPeople: tier.people,
            minRegistrationWinRate: tier.winRate,
          },
        })),
      },
      admin,
    );
    const dealerKinds = kinds.filter((kind): kind is DealerKind => kind !== 'direct' && kind !== 'online');
    const rosterIds = demoDealerIds(division);
    const applicantBase = demoDivisions.length * dealersPerDivision + demoDivisions.indexOf(division) * 4;
    // The roster's dealers: all but the last two active, at each tier in turn; the last two suspended and terminated.
    for (const [index, dealerId] of rosterIds.entries()) {
      const kind = index % 4 === 3 && dealerKinds.length > 1 ? (dealerKinds[1] as DealerKind) : 'dealer';
      const status: DemoDealerStatus =
        index === rosterIds.length - 2 ? 'suspended' : index === rosterIds.length - 1 ? 'terminated' : 'active';
      const applied = start + index * 9 * dayMs + this.random.integer(0, 4) * dayMs;
      await this.onboard(division, manager, dealerId, kind, applied, index);
      const activated = applied + 30 * dayMs;
      const tier = tierLadder[index % tierLadder.length] as (typeof tierLadder)[number];
      await this.sell(division, manager, dealerId, applied, activated, programmeId, tier.tierId, index);
      let tierId: string = tier.tierId;
      if (index === 0) tierId = await this.review(division, manager, dealerId, programmeId);
      if (status === 'suspended') {
        this.at(this.end - 20 * dayMs);
        await this.run.suspend.execute(dealerId, 'Overdue invoices above the credit limit', manager);
      }
      if (status === 'terminated') {
        this.at(this.end - 45 * dayMs);
        await this.run.terminate.execute(
          dealerId,
          { reason: 'Gave up the brand for a competitor', effectiveDay: day(this.end - 30 * dayMs) },
          manager,
        );
      }
      if (status === 'active') await this.funds(division, manager, dealerId, index);
      this.result.dealers.push({ dealerId, divisionId: division.divisionId, status, tierId, activatedAt: activated });
    }
    // Companies still applying: one waits for an answer, two are onboarding, one was turned down.
    for (const [index, state] of applicantStates.entries()) {
      const dealerId = `dealer-${applicantBase + index + 1}`;
      const applied = this.end - (40 - index * 8) * dayMs;
      this.at(applied);
      await this.run.apply.execute(this.application(division, dealerId, 'dealer', applicantBase + index), manager);
      if (state === 'rejected') {
        this.at(applied + 5 * dayMs);
        await this.run.reject.execute(dealerId, 'No showroom in the territory applied for', manager);
      }
      if (state === 'onboarding') {
        this.at(applied + 3 * dayMs);
        await this.run.approve.execute(dealerId, manager);
        const requirements = onboardingRequirements('dealer').filter(
          (requirement) => requirement.requirementId !== 'signed-agreement',
        );
        // Part of the checklist: one requirement ticked on the first, all but one on the second.
        const ticked = index === 1 ? 1 : requirements.length - 1;
        for (const [step, requirement] of requirements.slice(0, ticked).entries()) {
          this.at(applied + (5 + step * 2) * dayMs);
          await this.run.tick.execute(
            dealerId,
            { requirementId: requirement.requirementId, evidence: `${requirement.label}: checked by the manager` },
            manager,
          );
        }
      }
      this.result.dealers.push({ dealerId, divisionId: division.divisionId, status: state });
    }
  }

  private application(division: DemoDivision, dealerId: string, channelId: string, number: number) {
    const name = companyName(5_000 + number * 7);
    return {
      dealerId,
      companyName: `${name} (${dealerId})`,
      contactEmail: `sales@${dealerId}.example.com`,
      channelId,
      territories: [this.random.pick(division.territories)],
      productGroups: division.productGroups.map((group) => group.groupId),
    };
  }

  /** Applied, approved, the agreement drafted and signed, every requirement ticked, then active. */
  private async onboard(
    division: DemoDivision,
    manager: RequestContext,
    dealerId: string,
    kind: DealerKind,
    applied: number,
    index: number,
  ): Promise<void> {
    this.at(applied);
    const application = this.application(division, dealerId, kind, demoDivisions.indexOf(division) * 100 + index);
    await this.run.apply.execute(application, manager);
    this.at(applied + 2 * dayMs);
    await this.run.approve.execute(dealerId, manager);
    const agreementId = `${dealerId}-cooperation`;
    const effectiveFrom = applied + 30 * dayMs;
    // One dealer's agreement runs out within 60 days of the seed's end, the others run two years.
    const expiresOn = index === 1 ? this.end + 45 * dayMs : effectiveFrom + 730 * dayMs;
    this.at(applied + 10 * dayMs);
    await this.run.draftAgreement.execute(
      agreementId,
      {
        dealerId,
        terms: {
          discountPercent: this.random.integer(8, 25),
          territories: application.territories,
          productGroups: application.productGroups,
          exclusivity: index % 5 === 0,
          paymentTermsDays: this.random.pick([30, 45, 60]),
        },
        effectiveFrom: day(effectiveFrom),
        expiresOn: day(expiresOn),
      },
      manager,
    );
    this.at(applied + 14 * dayMs);
    await this.run.signAgreement.execute(
      agreementId,
      { version: 1, signedBy: `Managing director of ${application.companyName}`, signedOn: day(applied + 14 * dayMs) },
      manager,
    );
    this.result.agreements += 1;
    for (const [step, requirement] of onboardingRequirements(kind).entries()) {
      this.at(applied + (15 + step * 2) * dayMs);
      await this.run.tick.execute(
        dealerId,
        {
          requirementId: requirement.requirementId,
          evidence:
            requirement.requirementId === 'signed-agreement'
              ? `Agreement ${agreementId}, version 1`
              : `${requirement.label}: checked by the manager`,
        },
        manager,
      );
    }
  }

  /** Active from `activated` at its tier, with a user of its own, and its contact history. */
  private async sell(
    division: DemoDivision,
    manager: RequestContext,
    dealerId: string,
    applied: number,
    activated: number,
    programmeId: string,
    tierId: string,
    index: number,
  ): Promise<void> {
    this.at(activated);
    await this.run.activate.execute(dealerId, manager);
    await this.run.addUser.execute(dealerId, `${dealerId}-user`, manager);
    await this.run.assignTier.execute(
      dealerId,
      { changeId: `${dealerId}-entry`, programmeId, tierId, effectiveFrom: day(activated) },
      manager,
    );
    await this.contacts(division, dealerId, applied, activated, index);
  }

  /**
   * A contact history: a kick-off whose follow-up was done, then a recent contact whose follow-up is overdue for
   * every fourth dealer, still due for the next, and none for the others.
   */
  private async contacts(
    division: DemoDivision,
    dealerId: string,
    applied: number,
    activated: number,
    index: number,
  ): Promise<void> {
    const rep = this.as(division, `rep-${division.divisionId}-${String((index % 40) + 1).padStart(2, '0')}`, 'rep');
    this.at(activated + 2 * dayMs);
    const kickOff = await this.run.logContact.execute(
      dealerId,
      {
        kind: 'meeting',
        happenedAt: day(activated + dayMs),
        summary: 'Kick-off: product range, ordering and the partner programme',
        outcome: 'First demo stock agreed',
        followUpDue: day(activated + 14 * dayMs),
      },
      rep,
    );
    this.at(activated + 10 * dayMs);
    await this.run.completeFollowUp.execute(
      kickOff.contactId,
      { completedAt: new Date(activated + 10 * dayMs).toISOString(), note: 'Demo stock delivered' },
      rep,
    );
    const recent = Math.max(activated + 20 * dayMs, this.end - this.random.integer(15, 40) * dayMs);
    this.at(recent + dayMs);
    const followUp = index % 4 === 0 ? recent + 7 * dayMs : index % 4 === 1 ? this.end + 10 * dayMs : undefined;
    await this.run.logContact.execute(
      dealerId,
      {
        kind: this.random.pick(['call', 'visit', 'training', 'email'] as const),
        happenedAt: day(recent),
        summary: 'Quarterly review of orders, open quotes and training needs',
        outcome: followUp === undefined ? 'Nothing open' : 'Send the updated price list and a training date',
        ...(followUp === undefined ? {} : { followUpDue: day(followUp) }),
      },
      rep,
    );
    this.result.contacts += 2;
  }

  /** A review on this year's figures that moves the dealer up one tier, confirmed by the manager. */
  private async review(
    division: DemoDivision,
    manager: RequestContext,
    dealerId: string,
    programmeId: string,
  ): Promise<string> {
    const silver = tierLadder[1];
    this.at(this.end - 14 * dayMs);
    await this.run.proposeTier.execute(
      dealerId,
      {
        reviewId: `${dealerId}-review-1`,
        programmeId,
        figures: {
          revenue12m: { amount: silver.revenue + 40_000, currency: division.currency },
          certifiedPeople: silver.people + 1,
          registrationWinRate: silver.winRate + 0.05,
        },
      },
      manager,
    );
    this.at(this.end - 10 * dayMs);
    await this.run.confirmTier.execute(dealerId, `${dealerId}-review-1`, day(this.end - 7 * dayMs), manager);
    return silver.tierId;
  }

  /**
   * This quarter's market development fund budget. The first active dealer's requests are in every state
   * (requested, approved, rejected, claimed, paid); the next few have one request each.
   */
  private async funds(division: DemoDivision, manager: RequestContext, dealerId: string, index: number): Promise<void> {
    if (index > 4) return;
    const allocated = this.end - fundBudgetDaysBack * dayMs;
    const period = quarterOf(allocated);
    const money = (amount: number) => ({ amount, currency: division.currency });
    const dealer = { ...manager, actor: { userId: `${dealerId}-user`, roles: ['dealer'] } };
    this.at(allocated);
    await this.run.allocateFunds.execute(dealerId, period, { amount: money(50_000) }, manager);
    const states =
      index === 0
        ? (['requested', 'approved', 'rejected', 'claimed', 'paid'] as const)
        : [(['requested', 'approved', 'claimed', 'paid'] as const)[index % 4] ?? 'requested'];
    for (const [step, state] of states.entries()) {
      const requested = allocated + (step + 1) * 7 * dayMs;
      const requestId = `${dealerId}-${period.toLowerCase()}-${step + 1}`;
      const amount = this.random.integer(2, 8) * 1_000;
      this.at(requested);
      await this.run.requestFunds.execute(
        dealerId,
        period,
        {
          requestId,
          amount: money(amount),
          purpose: this.random.pick(['Trade fair stand', 'Local advertising', 'Demo days', 'Mailing to customers']),
        },
        dealer,
      );
      this.result.fundRequests += 1;
      if (state === 'requested') continue;
      this.at(requested + dayMs);
      if (state === 'rejected') {
        await this.run.rejectFunds.execute(
          dealerId,
          period,
          requestId,
          'Not in this quarter’s marketing plan',
          manager,
        );
        continue;
      }
      await this.run.approveFunds.execute(dealerId, period, requestId, money(amount), manager);
      if (state === 'approved') continue;
      this.at(requested + 2 * dayMs);
      await this.run.claimFunds.execute(
        dealerId,
        period,
        requestId,
        { claimedAmount: money(amount - 500), proof: [`https://files.example.com/${requestId}/invoice.pdf`] },
        dealer,
      );
      if (state === 'claimed') continue;
      this.at(requested + 3 * dayMs);
      await this.run.payFunds.execute(
        dealerId,
        period,
        requestId,
        { paidAt: new Date(requested + 3 * dayMs).toISOString(), reference: `PAY-${requestId}` },
        manager,
      );
    }
  }
}
