import { certificationsValidAt, expiringWithin, type HeldCertification } from './certifications';
import type { TrainingEvent } from './training.events';
import { assessed, expired, granted } from './training.fixture';
import { evolveTraining, type TrainingState } from './training.state';

const fold = (events: readonly TrainingEvent[]): TrainingState =>
  events.reduce<TrainingState>(evolveTraining, { status: 'none' });

const history = fold([
  assessed(),
  granted('negotiation-101', '2026-03-09', '2027-03-09'),
  assessed({ assessmentId: 'a-2', courseId: 'product-basics', assessedOn: '2026-06-01' }),
  granted('product-basics', '2026-06-01', '2026-12-01', { assessmentId: 'a-2', validityMonths: 6 }),
  assessed({ assessmentId: 'a-3', assessedOn: '2027-03-01' }),
  granted('negotiation-101', '2027-03-01', '2028-03-01', { assessmentId: 'a-3', previousExpiresOn: '2027-03-09' }),
  expired('product-basics', '2026-12-01'),
]);

const held = (courseId: string, assessmentId: string, grantedOn: string, expiresOn: string): HeldCertification => ({
  courseId,
  assessmentId,
  grantedOn,
  expiresOn,
});

describe('certificationsValidAt', () => {
  it('holds nothing for a person without a record, or before the first grant', () => {
    expect(certificationsValidAt({ status: 'none' }, '2026-06-01')).toEqual([]);
    expect(certificationsValidAt(history, '2026-03-08')).toEqual([]);
  });

  it('counts a certification valid from its grant day to the day before its expiry', () => {
    expect(certificationsValidAt(history, '2026-03-09')).toEqual([
      held('negotiation-101', 'a-1', '2026-03-09', '2027-03-09'),
    ]);
    expect(certificationsValidAt(history, '2026-11-30')).toEqual([
      held('negotiation-101', 'a-1', '2026-03-09', '2027-03-09'),
      held('product-basics', 'a-2', '2026-06-01', '2026-12-01'),
    ]);
    expect(certificationsValidAt(history, '2026-12-01')).toEqual([
      held('negotiation-101', 'a-1', '2026-03-09', '2027-03-09'),
    ]);
  });

  it('answers a past date as it stood then, and takes the renewal once granted', () => {
    expect(certificationsValidAt(history, '2027-02-28')).toEqual([
      held('negotiation-101', 'a-1', '2026-03-09', '2027-03-09'),
    ]);
    expect(certificationsValidAt(history, '2027-03-01')).toEqual([
      held('negotiation-101', 'a-3', '2027-03-01', '2028-03-01'),
    ]);
    expect(certificationsValidAt(history, '2028-03-01')).toEqual([]);
  });

  it('holds a certification without expiry from its grant day on, for good, and prefers it to one that expires', () => {
    const forGood = fold([
      ...[assessed(), granted('negotiation-101', '2026-03-09', '2027-03-09')],
      assessed({ assessmentId: 'a-2', assessedOn: '2026-06-01' }),
      granted('negotiation-101', '2026-06-01', undefined, { assessmentId: 'a-2', previousExpiresOn: '2027-03-09' }),
    ]);
    expect(certificationsValidAt(forGood, '2026-05-31')).toEqual([
      held('negotiation-101', 'a-1', '2026-03-09', '2027-03-09'),
    ]);
    expect(certificationsValidAt(forGood, '2026-06-01')).toEqual([
      { courseId: 'negotiation-101', assessmentId: 'a-2', grantedOn: '2026-06-01' },
    ]);
    expect(certificationsValidAt(forGood, '2099-12-31')).toEqual([
      { courseId: 'negotiation-101', assessmentId: 'a-2', grantedOn: '2026-06-01' },
    ]);
  });

  it('reads validity from the dates, not from whether the expiry timer ran', () => {
    const notYetExpired = fold([assessed(), granted('negotiation-101', '2026-03-09', '2027-03-09')]);
    expect(certificationsValidAt(notYetExpired, '2027-03-09')).toEqual([]);
  });
});

describe('expiringWithin', () => {
  const certifications = [
    held('negotiation-101', 'a-1', '2026-03-09', '2026-07-10'),
    held('product-basics', 'a-2', '2026-01-01', '2026-07-01'),
    held('crm-hygiene', 'a-3', '2026-01-01', '2026-06-30'),
    held('closing-201', 'a-4', '2026-01-01', '2026-08-01'),
  ];

  it('lists the certifications expiring in the next days, the last day included, soonest first', () => {
    expect(expiringWithin(certifications, '2026-06-30', 10).map(({ courseId }) => courseId)).toEqual([
      'product-basics',
      'negotiation-101',
    ]);
  });

  it('leaves out one expiring on the date itself: it is no longer valid', () => {
    expect(expiringWithin(certifications, '2026-06-30', 0)).toEqual([]);
    expect(expiringWithin(certifications, '2026-06-29', 1).map(({ courseId }) => courseId)).toEqual(['crm-hygiene']);
  });

  it('never reminds of a certification that never expires', () => {
    const forGood: HeldCertification = { courseId: 'onboarding', assessmentId: 'a-5', grantedOn: '2026-01-01' };
    expect(expiringWithin([...certifications, forGood], '2026-06-29', 3650).map(({ courseId }) => courseId)).toEqual([
      'crm-hygiene',
      'product-basics',
      'negotiation-101',
      'closing-201',
    ]);
  });

  it('keeps whatever else the rows carry, so a view can pass its own rows', () => {
    const rows = [{ personId: 'p-9', courseId: 'negotiation-101', expiresOn: '2026-07-10' }];
    expect(expiringWithin(rows, '2026-07-01', 30)).toEqual(rows);
  });
});
