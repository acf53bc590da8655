import type { EventStore } from '@salesos/event-store';
import type { CertificationExpired, CertificationGranted } from '../domain/training.events';
import { TrainingErrorCode } from '../domain/training.errors';
import { type DueCertification, DueCertifications } from './due-certifications.port';
import { ExpireDueCertificationsHandler } from './expire-due-certifications.handler';
import { manager, negotiation, trainingFeature } from './training-application.fixture';

/** The view kept current: each person's latest certification per course, unless its expiry is recorded. */
class CurrentDueCertifications extends DueCertifications {
  pages = 0;

  constructor(private readonly store: EventStore) {
    super();
  }

  async dueBy(asOf: string, limit: number): Promise<DueCertification[]> {
    this.pages += 1;
    const { events } = await this.store.readAll({
      filter: { categories: ['training'], eventTypes: ['CertificationGranted', 'CertificationExpired'] },
    });
    const latest = new Map<string, DueCertification & { expired: boolean }>();
    for (const event of events) {
      const data = event.data as CertificationGranted['data'] | CertificationExpired['data'];
      const key = `${data.personId}/${data.courseId}`;
      const { expiresOn } = data;
      // A certification that never expires is never due.
      if (expiresOn === undefined) latest.delete(key);
      else if (event.type === 'CertificationGranted')
        latest.set(key, { ...pick({ ...data, expiresOn }), expired: false });
      else if (latest.get(key)?.expiresOn === expiresOn)
        latest.set(key, { ...pick({ ...data, expiresOn }), expired: true });
    }
    return [...latest.values()]
      .filter((due) => !due.expired && due.expiresOn <= asOf)
      .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
      .slice(0, limit)
      .map(pick);
  }
}

/** A view that lags: it offers what it was given, whatever the records say by now. */
class StaleDueCertifications extends DueCertifications {
  pages = 0;

  constructor(private readonly due: DueCertification[]) {
    super();
  }

  dueBy(_asOf: string, limit: number): Promise<DueCertification[]> {
    this.pages += 1;
    return Promise.resolve(this.due.slice(0, limit));
  }
}

const pick = ({ personId, divisionId, courseId, expiresOn }: DueCertification): DueCertification => ({
  personId,
  divisionId,
  courseId,
  expiresOn,
});

/** Certifications of negotiation-101 (12 months) passed by each person on the day given. */
async function certified(passes: Array<[personId: string, assessedOn: string]>) {
  const feature = trainingFeature('2026-12-31T12:00:00.000Z');
  await feature.defineCourse.execute('negotiation-101', negotiation, manager);
  for (const [personId, assessedOn] of passes) {
    await feature.recordAssessment.execute(
      personId,
      { courseId: 'negotiation-101', score: 90, assessedBy: 'coach-1', assessedOn },
      manager,
    );
  }
  return feature;
}

const due = (personId: string, expiresOn: string): DueCertification => ({
  personId,
  divisionId: 'north',
  courseId: 'negotiation-101',
  expiresOn,
});

describe('ExpireDueCertifications', () => {
  it('expires every certification due by the day, and nothing on a second run', async () => {
    const feature = await certified([
      ['p-1', '2026-01-15'],
      ['p-2', '2026-02-01'],
      ['p-3', '2026-06-01'],
    ]);
    feature.clock.at = new Date('2027-02-01T03:00:00.000Z');
    const view = new CurrentDueCertifications(feature.store);
    const handler = new ExpireDueCertificationsHandler(view, feature.expireCertification);

    const run = await handler.execute('2027-02-01');
    expect(run).toEqual({ expired: [due('p-1', '2027-01-15'), due('p-2', '2027-02-01')], skipped: [] });
    expect(await feature.typesIn('training-p-1')).toEqual([
      'AssessmentRecorded',
      'CertificationGranted',
      'CertificationExpired',
    ]);
    expect(await feature.typesIn('training-p-3')).toEqual(['AssessmentRecorded', 'CertificationGranted']);
    const expiry = (await feature.store.readStream('training-p-1'))[2];
    expect(expiry?.metadata).toMatchObject({ actor: { userId: 'system:certification-expiry', roles: [] } });

    await expect(handler.execute('2027-02-01')).resolves.toEqual({ expired: [], skipped: [] });
  });

  it('leaves a renewed certification alone', async () => {
    const feature = await certified([['p-1', '2026-01-15']]);
    await feature.recordAssessment.execute(
      'p-1',
      { courseId: 'negotiation-101', score: 95, assessedBy: 'coach-1', assessedOn: '2026-12-20' },
      manager,
    );
    feature.clock.at = new Date('2027-02-01T03:00:00.000Z');
    const handler = new ExpireDueCertificationsHandler(
      new CurrentDueCertifications(feature.store),
      feature.expireCertification,
    );
    await expect(handler.execute('2027-02-01')).resolves.toEqual({ expired: [], skipped: [] });
  });

  it('skips, naming why, what a lagging view still offers, and records each expiry once', async () => {
    const feature = await certified([
      ['p-1', '2026-01-15'],
      ['p-2', '2026-01-20'],
      ['p-3', '2026-01-25'],
    ]);
    // p-2 renewed since the view was read; p-3's certification is not due by the record.
    await feature.recordAssessment.execute(
      'p-2',
      { courseId: 'negotiation-101', score: 95, assessedBy: 'coach-1', assessedOn: '2026-12-20' },
      manager,
    );
    feature.clock.at = new Date('2027-01-22T03:00:00.000Z');
    const stale = [due('p-1', '2027-01-15'), due('p-2', '2027-01-20'), due('p-3', '2027-01-25')];
    const handler = new ExpireDueCertificationsHandler(new StaleDueCertifications(stale), feature.expireCertification);

    await expect(handler.execute('2027-01-25')).resolves.toEqual({
      expired: [due('p-1', '2027-01-15')],
      skipped: [
        { ...due('p-2', '2027-01-20'), code: TrainingErrorCode.CertificationRenewed },
        { ...due('p-3', '2027-01-25'), code: TrainingErrorCode.CertificationNotDue },
      ],
    });
    const again = await handler.execute('2027-01-25');
    expect(again.expired).toEqual([]);
    expect(again.skipped[0]).toEqual({
      ...due('p-1', '2027-01-15'),
      code: TrainingErrorCode.CertificationAlreadyExpired,
    });
    expect((await feature.typesIn('training-p-1')).filter((type) => type === 'CertificationExpired')).toHaveLength(1);
  });

  it('counts an expiry recorded by hand as expired already', async () => {
    const feature = await certified([['p-1', '2026-01-15']]);
    feature.clock.at = new Date('2027-01-16T03:00:00.000Z');
    await feature.expireCertification.execute('p-1', 'negotiation-101', '2027-01-15', manager);
    const handler = new ExpireDueCertificationsHandler(
      new StaleDueCertifications([due('p-1', '2027-01-15')]),
      feature.expireCertification,
    );
    await expect(handler.execute('2027-01-16')).resolves.toEqual({
      expired: [],
      skipped: [{ ...due('p-1', '2027-01-15'), code: TrainingErrorCode.CertificationAlreadyExpired }],
    });
  });

  it('takes page after page until none is left, and stops on a page that brings nothing new', async () => {
    const people = Array.from({ length: 130 }, (_, at): [string, string] => [`p-${at}`, '2026-01-15']);
    const feature = await certified(people);
    feature.clock.at = new Date('2027-01-16T03:00:00.000Z');
    const view = new CurrentDueCertifications(feature.store);
    const run = await new ExpireDueCertificationsHandler(view, feature.expireCertification).execute('2027-01-16');
    expect(run.expired).toHaveLength(130);
    expect(view.pages).toBe(2);

    const lagging = new StaleDueCertifications(people.slice(0, 100).map(([personId]) => due(personId, '2027-01-15')));
    const rerun = await new ExpireDueCertificationsHandler(lagging, feature.expireCertification).execute('2027-01-16');
    expect(rerun.skipped).toHaveLength(100);
    expect(lagging.pages).toBe(1);
  });

  it("lets a failure of the store through: the timer's next run takes it up", async () => {
    const feature = await certified([['p-1', '2026-01-15']]);
    feature.clock.at = new Date('2027-01-16T03:00:00.000Z');
    feature.store.readStream = () => Promise.reject(new Error('connection lost'));
    const handler = new ExpireDueCertificationsHandler(
      new StaleDueCertifications([due('p-1', '2027-01-15')]),
      feature.expireCertification,
    );
    await expect(handler.execute('2027-01-16')).rejects.toThrow('connection lost');
  });
});
