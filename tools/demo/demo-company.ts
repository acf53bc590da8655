/**
 * The demo company: Nordwerk Group, three sales divisions, each with territories, product groups, one team per
 * product group and territory, and 40 reps. Everything the seeder writes is drawn from here.
 */
export interface ProductGroup {
  groupId: string;
  products: Array<{ productId: string; price: readonly [number, number] }>;
  industries: string[];
}

export interface DemoDivision {
  divisionId: string;
  name: string;
  currency: string;
  territories: string[];
  productGroups: ProductGroup[];
}

export const demoDivisions: DemoDivision[] = [
  {
    divisionId: 'machines',
    name: 'Industrial machines',
    currency: 'EUR',
    territories: ['north', 'south', 'east', 'west'],
    productGroups: [
      {
        groupId: 'presses',
        products: [
          { productId: 'press-200', price: [25_000, 60_000] },
          { productId: 'press-400', price: [60_000, 180_000] },
        ],
        industries: ['automotive', 'metalworking'],
      },
      {
        groupId: 'lathes',
        products: [
          { productId: 'lathe-7', price: [15_000, 45_000] },
          { productId: 'lathe-9', price: [40_000, 90_000] },
        ],
        industries: ['machinery', 'aerospace'],
      },
    ],
  },
  {
    divisionId: 'medical',
    name: 'Medical devices',
    currency: 'USD',
    territories: ['americas', 'emea', 'apac', 'nordics'],
    productGroups: [
      {
        groupId: 'imaging',
        products: [
          { productId: 'scanner-x1', price: [120_000, 400_000] },
          { productId: 'ultrasound-u3', price: [30_000, 80_000] },
        ],
        industries: ['hospitals', 'clinics'],
      },
      {
        groupId: 'monitoring',
        products: [
          { productId: 'monitor-m5', price: [5_000, 20_000] },
          { productId: 'pump-p2', price: [3_000, 12_000] },
        ],
        industries: ['hospitals', 'care homes'],
      },
    ],
  },
  {
    divisionId: 'services',
    name: 'After-sales services',
    currency: 'EUR',
    territories: ['dach', 'benelux', 'france', 'iberia'],
    productGroups: [
      {
        groupId: 'maintenance',
        products: [
          { productId: 'service-plan-basic', price: [4_000, 15_000] },
          { productId: 'service-plan-premium', price: [15_000, 60_000] },
        ],
        industries: ['automotive', 'food processing'],
      },
      {
        groupId: 'retrofit',
        products: [{ productId: 'retrofit-kit', price: [20_000, 120_000] }],
        industries: ['metalworking', 'packaging'],
      },
    ],
  },
];

export const repsPerDivision = 40;

export interface DemoTeam {
  teamId: string;
  territory: string;
  groupId: string;
  repIds: string[];
}

/** One team per product group and territory; reps dealt over the teams in turn. */
export function teamsOf(division: DemoDivision): DemoTeam[] {
  const teams: DemoTeam[] = division.territories.flatMap((territory) =>
    division.productGroups.map((group) => ({
      teamId: `${division.divisionId}-${group.groupId}-${territory}`,
      territory,
      groupId: group.groupId,
      repIds: [],
    })),
  );
  for (let rep = 1; rep <= repsPerDivision; rep += 1) {
    teams[(rep - 1) % teams.length]?.repIds.push(`rep-${division.divisionId}-${String(rep).padStart(2, '0')}`);
  }
  return teams;
}

/** Dealers each division sells through. */
export const dealersPerDivision = 12;

/**
 * The dealers a division sells through: a dealer belongs to one division (its stream is `dealer-<id>`), so the ids
 * run on across the divisions: machines dealer-1 to dealer-12, medical dealer-13 to dealer-24, services dealer-25 to
 * dealer-36.
 */
export function demoDealerIds(division: DemoDivision): string[] {
  const offset = demoDivisions.indexOf(division) * dealersPerDivision;
  return Array.from({ length: dealersPerDivision }, (_, index) => `dealer-${offset + index + 1}`);
}

/**
 * The division as the leads service records it: its reps and its teams (the field team has every rep). Its dealers
 * are the channels service's (the channels seed's, `demoDealerIds`).
 */
export function demoRoster(division: DemoDivision): {
  name: string;
  repIds: string[];
  teams: Array<{ teamId: string; name: string; repIds: string[] }>;
} {
  const teams = teamsOf(division);
  const repIds = teams.flatMap((team) => team.repIds).sort();
  return {
    name: division.name,
    repIds,
    teams: [
      ...teams.map((team) => ({ teamId: team.teamId, name: `${team.groupId} ${team.territory}`, repIds: team.repIds })),
      { teamId: `${division.divisionId}-field`, name: 'Field sales', repIds },
    ],
  };
}

export const leadSources: ReadonlyArray<readonly [string, number]> = [
  ['web', 35],
  ['referral', 15],
  ['event', 15],
  ['partner', 10],
  ['dealer', 12],
  ['campaign', 13],
];

export const lossReasons = ['price', 'competitor', 'no-decision', 'timing', 'product-fit', 'budget'];

const companyWords = {
  first: ['Alpen', 'Baltic', 'Castell', 'Delta', 'Elbe', 'Fjord', 'Granit', 'Hansa', 'Iser', 'Jura', 'Kessel', 'Lumen'],
  second: ['Werke', 'Systems', 'Industries', 'Technik', 'Medical', 'Logistics', 'Foods', 'Motors', 'Labs', 'Works'],
  form: ['GmbH', 'AG', 'SE', 'Ltd', 'Inc.', 'S.A.', 'B.V.', ''],
};

/** A company name unique to its number: two leads of one company only when the seeder means it. */
export function companyName(index: number): string {
  const first = companyWords.first[index % companyWords.first.length] as string;
  const second = companyWords.second[
    Math.floor(index / companyWords.first.length) % companyWords.second.length
  ] as string;
  const form = companyWords.form[index % companyWords.form.length] as string;
  return `${first} ${second} ${Math.floor(index / 120) + 1} ${form}`.trim();
}
