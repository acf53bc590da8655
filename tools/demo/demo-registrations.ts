import type { RequestContext } from '@salesos/http';
import type { PublishedSource } from '@salesos/messaging';
import {
  channelsPublishedSource,
  ReadRegistrationQuery,
  RegistrationLapses,
  SubmitRegistrationHandler,
} from '../../services/channels/src';
import {
  CaptureLeadHandler,
  defaultLossReasons,
  leadsPublishedSource,
  LoseOpportunityHandler,
  MoveOpportunityStageHandler,
  OpenOpportunityFromLeadHandler,
  QualifyLeadHandler,
  WinOpportunityHandler,
} from '../../services/leads/src';
import { companyName, type DemoDivision } from './demo-company';
import type { SeedingServices } from './seeding-services';
import type { BusinessTime, SeededRandom } from './seeded-random';

const dayMs = 24 * 60 * 60 * 1000;

export type DemoRegistrationStatus = 'accepted' | 'conflicted' | 'lapsed' | 'won' | 'lost';

export interface DemoRegistration {
  registrationId: string;
  divisionId: string;
  dealerId: string;
  companyName: string;
  status: DemoRegistrationStatus;
}

type Handler<T> = abstract new (...args: never[]) => T;

/** The commands the stories go through: the channels service's for the registrations, the leads service's for deals. */
function handlers(services: SeedingServices) {
  const channels = <T>(type: Handler<T>): T => services.channels.get(type, { strict: false });
  const leads = <T>(type: Handler<T>): T => services.leads.get(type, { strict: false });
  return {
    submit: channels(SubmitRegistrationHandler),
    read: channels(ReadRegistrationQuery),
    lapses: channels(RegistrationLapses),
    capture: leads(CaptureLeadHandler),
    qualify: leads(QualifyLeadHandler),
    convert: leads(OpenOpportunityFromLeadHandler),
    move: leads(MoveOpportunityStageHandler),
    win: leads(WinOpportunityHandler),
    lose: leads(LoseOpportunityHandler),
  };
}

/** A company's domain part for e-mail addresses: `Fjord Labs 3 B.V.` gives `fjord-labs-3-b-v`. */
const slug = (company: string): string =>
  company
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A lead the leads service captured and routed. */
interface CapturedLead {
  leadId: string;
  owner: RequestContext;
}

/** What a registration or a lead is about: a company, one product of one group, and what it is worth. */
interface Prospect {
  company: string;
  groupId: string;
  productId: string;
  value: number;
}

/**
 * Each division's deal registrations, submitted by its dealers' users through the channels service's own command and
 * answered by the leads service over the seed's bus, by its first-come rule: some accepted and still held, some in
 * conflict with a lead or a deal the division had first, one lapsed by the service's lapse timer after 90 days
 * without progress, and two whose deal the division opened through the dealer and then won or lost, which the
 * registration follows from the leads service's deal events. The seed waits for every answer, and fails with the
 * registration named when one does not come or is not the one the story needs.
 */
export class RegistrationStories {
  private readonly run: ReturnType<typeof handlers>;
  private readonly channelsSource: PublishedSource = channelsPublishedSource();
  private readonly leadsSource: PublishedSource = leadsPublishedSource();
  private companies = 0;
  private registrations = 0;

  constructor(
    private readonly services: SeedingServices,
    private readonly time: BusinessTime,
    private readonly random: SeededRandom,
  ) {
    this.run = handlers(services);
  }

  /** `dealerIds`: the division's active dealers, who register. */
  async seedDivision(division: DemoDivision, dealerIds: readonly string[]): Promise<DemoRegistration[]> {
    const end = this.time.end;
    const dealer = (index: number): string => dealerIds[index % dealerIds.length] as string;
    const days = (min: number, max: number): number => this.random.integer(min, max) * dayMs;
    const seeded: DemoRegistration[] = [];
    const lapsing = await this.register(division, dealer(0), this.prospect(division), end - days(110, 140), 'accepted');
    seeded.push({ ...lapsing, status: 'lapsed' });
    seeded.push(await this.dealerDeal(division, dealer(1), 'won', end - days(75, 90)));
    seeded.push(await this.dealerDeal(division, dealer(2), 'lost', end - days(70, 85)));
    // The division had the company first: an open deal of its own, then an open lead.
    const dealFirst = this.prospect(division);
    const claimed = end - days(40, 55);
    const lead = await this.capture(division, dealFirst, 'web', claimed);
    await this.open(division, lead, dealFirst, claimed + 2 * dayMs, { kind: 'direct' }, 'new-business');
    seeded.push(await this.register(division, dealer(3), dealFirst, claimed + days(8, 15), 'conflicted'));
    const leadFirst = this.prospect(division);
    const captured = end - days(20, 35);
    await this.capture(division, leadFirst, 'event', captured);
    seeded.push(await this.register(division, dealer(4), leadFirst, captured + days(3, 10), 'conflicted'));
    for (const index of [5, 6]) {
      seeded.push(await this.register(division, dealer(index), this.prospect(division), end - days(3, 30), 'accepted'));
    }
    await this.lapse(division, lapsing.registrationId);
    return seeded;
  }

  /** A company none of the seeds has met, wanting one of the division's products. */
  private prospect(division: DemoDivision): Prospect {
    const group = this.random.pick(division.productGroups);
    const product = this.random.pick(group.products);
    return {
      company: companyName(20_000 + (this.companies += 1)),
      groupId: group.groupId,
      productId: product.productId,
      value: Math.round(this.random.between(product.price[0], product.price[1]) / 100) * 100,
    };
  }

  private organisation(division: DemoDivision): RequestContext {
    return { divisionId: division.divisionId, actor: { userId: `manager-${division.divisionId}`, roles: [] } };
  }

  /** A dealer's user registers the deal at `at`; the seed waits for the leads service's answer, which must be `answer`. */
  private async register(
    division: DemoDivision,
    dealerId: string,
    prospect: Prospect,
    at: number,
    answer: 'accepted' | 'conflicted',
  ): Promise<DemoRegistration> {
    this.time.at(at);
    const registrationId = `${division.divisionId}-registration-${(this.registrations += 1)}`;
    await this.run.submit.execute(
      {
        registrationId,
        dealerId,
        companyName: prospect.company,
        contactEmail: `purchasing@${slug(prospect.company)}.example.com`,
        productGroup: prospect.groupId,
        estimatedValue: { amount: prospect.value, currency: division.currency },
      },
      { divisionId: division.divisionId, actor: { userId: `${dealerId}-user`, roles: ['dealer'] } },
    );
    const waitingFor = `the leads service's answer to deal registration ${registrationId}`;
    await this.services.bus.deliver(`registration-${registrationId}`, this.channelsSource, waitingFor);
    await this.services.bus.deliver(`dealregistration-${registrationId}`, this.leadsSource, waitingFor);
    await this.requireStatus(division, registrationId, answer);
    return { registrationId, divisionId: division.divisionId, dealerId, companyName: prospect.company, status: answer };
  }

  private async requireStatus(division: DemoDivision, registrationId: string, status: DemoRegistrationStatus) {
    const { state, lapseDueAt } = await this.run.read.execute(registrationId, this.organisation(division));
    if (state.status !== status) {
      throw new Error(
        `Deal registration ${registrationId} is ${state.status}, where the demo story needs it ${status}`,
      );
    }
    return lapseDueAt;
  }

  /** The division's marketing captures a lead of the company; the division's rules route it to a rep. */
  private async capture(division: DemoDivision, prospect: Prospect, source: string, at: number): Promise<CapturedLead> {
    this.time.at(at);
    const group = division.productGroups.find((candidate) => candidate.groupId === prospect.groupId);
    const firstName = this.random.pick(['Anna', 'Bruno', 'Carla', 'Dario', 'Eva', 'Felix']);
    const captured = await this.run.capture.execute(
      {
        source,
        contact: {
          name: `${firstName} ${prospect.company.split(' ')[0] ?? ''}`.trim(),
          email: `${firstName.toLowerCase()}@${slug(prospect.company)}.example.com`,
        },
        company: { name: prospect.company, industry: group?.industries[0] ?? 'machinery', sizeBand: 'mid' },
        territory: this.random.pick(division.territories),
        estimatedValue: { amount: prospect.value, currency: division.currency },
        needTags: [],
        force: false,
      },
      { divisionId: division.divisionId, actor: { userId: `marketing-${division.divisionId}`, roles: ['rep'] } },
    );
    const repId = captured.routing?.repId ?? `rep-${division.divisionId}-01`;
    return {
      leadId: captured.leadId,
      owner: { divisionId: division.divisionId, actor: { userId: repId, roles: ['rep'] } },
    };
  }

  /** The lead's rep qualifies it and, two days later, converts it into a deal; answers the deal's id. */
  private async open(
    division: DemoDivision,
    lead: CapturedLead,
    prospect: Prospect,
    at: number,
    channel: { kind: 'direct' } | { kind: 'dealer'; dealerId: string },
    pipelineId: string,
  ): Promise<string> {
    this.time.at(at);
    await this.run.qualify.execute(lead.leadId, 'Budget and timing confirmed', lead.owner);
    this.time.at(at + 2 * dayMs);
    const opened = await this.run.convert.execute(
      lead.leadId,
      {
        pipelineId,
        accountName: prospect.company,
        amount: { amount: prospect.value, currency: division.currency },
        expectedCloseDate: new Date(at + 60 * dayMs).toISOString().slice(0, 10),
        products: [{ productId: prospect.productId, quantity: 1 }],
        channel,
      },
      lead.owner,
    );
    return opened.streamId.slice('opportunity-'.length);
  }

  /**
   * A registration accepted at `at`, then the company's lead, the deal the division opens through the dealer, its
   * moves and its end, each of the deal's events heard by the channels service as it happens.
   */
  private async dealerDeal(
    division: DemoDivision,
    dealerId: string,
    outcome: 'won' | 'lost',
    at: number,
  ): Promise<DemoRegistration> {
    const prospect = this.prospect(division);
    const registration = await this.register(division, dealerId, prospect, at, 'accepted');
    const lead = await this.capture(division, prospect, 'dealer', at + 2 * dayMs);
    const opportunityId = await this.open(
      division,
      lead,
      prospect,
      at + 4 * dayMs,
      { kind: 'dealer', dealerId },
      'dealer-sourced',
    );
    const deal = `opportunity-${opportunityId}`;
    const heard = () =>
      this.services.bus.deliver(deal, this.leadsSource, `the channels service hearing of deal ${opportunityId}`);
    await heard();
    let moved = at + 6 * dayMs;
    for (const stageId of outcome === 'won' ? ['joint-proposal', 'dealer-commit'] : ['joint-proposal']) {
      moved += this.random.integer(6, 12) * dayMs;
      this.time.at(moved);
      await this.run.move.execute(opportunityId, stageId, lead.owner);
      await heard();
    }
    this.time.at(moved + this.random.integer(8, 15) * dayMs);
    if (outcome === 'won') await this.run.win.execute(opportunityId, undefined, lead.owner);
    else await this.run.lose.execute(opportunityId, this.random.pick(defaultLossReasons), lead.owner);
    await heard();
    await this.requireStatus(division, registration.registrationId, outcome);
    return { ...registration, status: outcome };
  }

  /** The lapse timer fires a minute after the registration fell due, as it would have on its beat. */
  private async lapse(division: DemoDivision, registrationId: string): Promise<void> {
    const dueAt = await this.requireStatus(division, registrationId, 'accepted');
    if (dueAt === undefined || Date.parse(dueAt) >= this.time.end) {
      throw new Error(`Deal registration ${registrationId} does not fall due before the seed's end (${dueAt})`);
    }
    this.time.at(Date.parse(dueAt) + 60_000);
    await this.run.lapses.tick();
    await this.requireStatus(division, registrationId, 'lapsed');
  }
}
