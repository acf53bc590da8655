/**
 * What the registration and tier phases act on, set up through the channels service's own API as a division manager
 * would: a dealer channel, one active dealer per client (applied, approved, its user added, its checklist ticked,
 * activated), and the division's tier programme.
 */
import { onboardingRequirements, type TierProgrammeDefinition } from '../../services/channels/src';
import { benchBearer, directorOf } from './bench-auth';
import type { HttpAnswer, LoopbackHttp } from './leads-http';

export const benchDivision = 'bench';
export const benchChannel = 'bench-dealers';
const programmeId = 'bench-partner-programme';

/** A dealer's user of the bench, registering deals for its own dealer. */
export interface DealerClient {
  index: number;
  dealerId: string;
  userId: string;
  headers: Record<string, string>;
}

export function dealerClient(index: number): DealerClient {
  const dealerId = `bench-dealer-${index}`;
  const userId = `bench-dealer-user-${index}`;
  const headers = benchBearer({ userId, roles: ['dealer'], divisions: [benchDivision], dealerId });
  return { index, dealerId, userId, headers };
}

const euros = (amount: number) => ({ amount, currency: 'EUR' });

/** Bronze for every dealer in the programme; silver and gold ask for revenue, certified people and won registrations. */
export const benchProgramme: TierProgrammeDefinition = {
  programmeId,
  divisionId: benchDivision,
  name: 'Bench partner programme',
  tiers: [
    {
      tierId: 'bronze',
      name: 'Bronze',
      criteria: { minRevenueLast12Months: euros(0), minCertifiedPeople: 0, minRegistrationWinRate: 0 },
    },
    {
      tierId: 'silver',
      name: 'Silver',
      criteria: { minRevenueLast12Months: euros(250_000), minCertifiedPeople: 2, minRegistrationWinRate: 0.2 },
    },
    {
      tierId: 'gold',
      name: 'Gold',
      criteria: { minRevenueLast12Months: euros(750_000), minCertifiedPeople: 4, minRegistrationWinRate: 0.3 },
    },
  ],
};

export const manager = directorOf(benchDivision);

export async function setUpDivision(channels: LoopbackHttp, clients: readonly DealerClient[]): Promise<void> {
  const channel = { name: 'Bench dealers', kind: 'dealer', productGroups: ['presses'], territories: ['north'] };
  await expectOk(channels.send('PUT', `/channels/${benchChannel}`, manager, channel), 'define the dealer channel');
  for (const client of clients) await onboard(channels, client);
  const { programmeId: _id, divisionId: _division, ...programme } = benchProgramme;
  await expectOk(channels.send('PUT', `/tier-programmes/${programmeId}`, manager, programme), 'define the programme');
}

async function onboard(channels: LoopbackHttp, { dealerId, userId }: DealerClient): Promise<void> {
  const dealer = `/dealers/${dealerId}`;
  const application = {
    dealerId,
    companyName: `Bench Dealer ${dealerId} GmbH`,
    contactEmail: `sales@${dealerId}.example`,
    channelId: benchChannel,
    territories: ['north'],
    productGroups: ['presses'],
  };
  await expectOk(channels.send('POST', '/dealers', manager, application), `apply as ${dealerId}`);
  await expectOk(channels.send('POST', `${dealer}/approval`, manager, {}), `approve ${dealerId}`);
  await expectOk(channels.send('PUT', `${dealer}/users/${userId}`, manager, {}), `add ${userId}`);
  for (const { requirementId } of onboardingRequirements('dealer')) {
    const tick = { evidence: 'Seen and filed' };
    await expectOk(channels.send('PUT', `${dealer}/requirements/${requirementId}`, manager, tick), requirementId);
  }
  await expectOk(channels.send('POST', `${dealer}/activation`, manager, {}), `activate ${dealerId}`);
}

export async function expectOk(pending: Promise<HttpAnswer>, what: string): Promise<HttpAnswer> {
  const answer = await pending;
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`${what}: ${answer.status} ${answer.body.slice(0, 500)}`);
  }
  return answer;
}
