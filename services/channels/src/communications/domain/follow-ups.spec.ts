import { CommunicationError } from './communication.errors';
import { dealersNotContactedSince, type FollowUpEntry, lastContactByDealer, overdueFollowUps } from './follow-ups';

const today = '2026-03-10';

/** The query is refused with a CommunicationError naming this field. */
function refusedNaming(field: string, run: () => unknown): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CommunicationError);
  expect(thrown).toMatchObject({ field });
}

describe('overdue follow-ups', () => {
  const entries: FollowUpEntry[] = [
    { contactId: 'due-today', dealerId: 'd-1', followUpDue: '2026-03-10' },
    { contactId: 'late-2', dealerId: 'd-1', followUpDue: '2026-03-08' },
    { contactId: 'late-9', dealerId: 'd-2', followUpDue: '2026-03-01' },
    { contactId: 'no-follow-up', dealerId: 'd-2' },
    {
      contactId: 'done',
      dealerId: 'd-3',
      followUpDue: '2026-02-01',
      followUpCompleted: { completedAt: '2026-02-02T10:00:00Z', note: 'called back' },
    },
    { contactId: 'next-month', dealerId: 'd-3', followUpDue: '2026-04-01' },
  ];

  it('lists the open follow-ups due before today, the longest overdue first', () => {
    expect(overdueFollowUps(entries, today).map((entry) => [entry.contactId, entry.daysOverdue])).toEqual([
      ['late-9', 9],
      ['late-2', 2],
    ]);
  });

  it('keeps what the entries carry', () => {
    const rows = [{ contactId: 'c', dealerId: 'd', followUpDue: '2026-03-09', summary: 'kept' }];
    expect(overdueFollowUps(rows, today)).toEqual([{ ...rows[0], daysOverdue: 1 }]);
  });

  it('counts across a month and a leap day', () => {
    const rows = [{ contactId: 'c', dealerId: 'd', followUpDue: '2028-02-28' }];
    expect(overdueFollowUps(rows, '2028-03-01')[0]?.daysOverdue).toBe(2);
  });

  it('refuses a today that is no day, naming today', () => {
    refusedNaming('today', () => overdueFollowUps(entries, '2026-02-30'));
  });
});

describe('dealers not contacted', () => {
  const last = new Map<string, string | undefined>([
    ['d-recent', '2026-03-01'],
    ['d-exactly-30', '2026-02-08'],
    ['d-old', '2025-12-01'],
    ['d-never', undefined],
  ]);

  it('lists the dealers silent for the days asked or more, the never contacted first, then the longest silent', () => {
    expect(dealersNotContactedSince(last, today, 30)).toEqual([
      { dealerId: 'd-never' },
      { dealerId: 'd-old', lastContactDay: '2025-12-01', daysSince: 99 },
      { dealerId: 'd-exactly-30', lastContactDay: '2026-02-08', daysSince: 30 },
    ]);
  });

  it('leaves out a dealer contacted a day less than asked', () => {
    expect(dealersNotContactedSince(last, today, 31).map((silence) => silence.dealerId)).toEqual(['d-never', 'd-old']);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s days, naming days', (days) => {
    refusedNaming('days', () => dealersNotContactedSince(last, today, days));
  });

  it('refuses a today that is no day, naming today', () => {
    refusedNaming('today', () => dealersNotContactedSince(last, '10.03.2026', 30));
  });

  it("takes each named dealer's latest contact day from the log, as the contact was written", () => {
    const entries = [
      { dealerId: 'd-1', happenedAt: '2026-03-01' },
      { dealerId: 'd-1', happenedAt: '2026-03-05T23:30:00-05:00' },
      { dealerId: 'd-1', happenedAt: '2026-02-01' },
      { dealerId: 'd-9', happenedAt: '2026-03-09' },
    ];
    expect(lastContactByDealer(entries, ['d-1', 'd-2'])).toEqual(
      new Map([
        ['d-1', '2026-03-05'],
        ['d-2', undefined],
      ]),
    );
  });
});
