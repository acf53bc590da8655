import type { Agreement, SignedAgreementVersion } from '../domain/agreement.decider';
import { expiringWithin } from '../domain/agreement.queries';
import { addDays } from '../domain/calendar-days';
import { coverageOf } from './agreements.table';

const terms = {
  discountPercent: 10,
  territories: ['north'],
  productGroups: ['presses'],
  exclusivity: false,
  exclusiveTerritories: [],
  paymentTermsDays: 30,
};

const signed = (version: number, effectiveFrom: string, expiresOn: string): SignedAgreementVersion => ({
  version,
  terms,
  effectiveFrom,
  expiresOn,
  signedBy: 'Anna Weber',
  signedOn: '2025-12-01',
});

const agreement = (versions: SignedAgreementVersion[]): Agreement => ({
  status: 'open',
  agreementId: 'agr-1',
  dealerId: 'dealer-1',
  divisionId: 'north',
  drafts: [],
  signed: versions,
  withdrawn: [],
  lastVersion: versions.length,
});

/** What the list's SQL asks of the coverage rows, asked of them in memory. */
function listedAsExpiring(state: Agreement, today: string, days: number): boolean {
  return coverageOf(state).some(
    (row) => row.in_force_from <= today && row.in_force_to >= today && row.coverage_ends_on <= addDays(today, days),
  );
}

describe("an agreement's coverage rows", () => {
  const histories: Array<[string, SignedAgreementVersion[]]> = [
    ['one version', [signed(1, '2026-01-01', '2026-06-30')]],
    ['a renewal from the day after', [signed(1, '2026-01-01', '2026-06-30'), signed(2, '2026-07-01', '2026-12-31')]],
    ['a renewal after a gap', [signed(1, '2026-01-01', '2026-06-30'), signed(2, '2026-08-01', '2026-12-31')]],
    [
      'a version that supersedes early and ends sooner',
      [signed(1, '2026-01-01', '2026-12-31'), signed(2, '2026-03-01', '2026-04-30')],
    ],
    [
      'two versions from the same day',
      [
        signed(1, '2026-01-01', '2026-12-31'),
        signed(2, '2026-01-01', '2026-03-31'),
        signed(3, '2026-04-01', '2026-05-31'),
      ],
    ],
  ];

  it.each(histories)('agree with expiringWithin on every day and horizon (%s)', (_label, versions) => {
    const state = agreement(versions);
    for (let day = '2025-12-25'; day <= '2027-01-05'; day = addDays(day, 3)) {
      for (const days of [0, 1, 10, 30, 61, 120, 400]) {
        expect({ day, days, listed: listedAsExpiring(state, day, days) }).toEqual({
          day,
          days,
          listed: expiringWithin(state, day, days) !== undefined,
        });
      }
    }
  });
});
