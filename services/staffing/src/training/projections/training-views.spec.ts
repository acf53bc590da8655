import { CommandHandler } from '@salesos/event-sourcing';
import { eachTestStaffingApp, recordTestTraining } from '../../testing';
import { staffingViewsCaughtUp } from '../../staffing-app';
import { CertificationCalendar } from '../application/certification-calendar.port';
import { CourseCatalogue } from '../application/course-catalogue.port';
import { DueCertifications } from '../application/due-certifications.port';
import { TrainingRecords } from '../application/training-records.port';
import { courseDecider } from '../domain/course.decider';
import { trainingDecider } from '../domain/training.decider';

const courses = [
  { courseId: 'negotiation-101' },
  { courseId: 'product-basics', validityMonths: 6 },
  { courseId: 'crm-hygiene', validityMonths: null },
  { courseId: 'closing-201', divisionId: 'south' },
];

describe('the training views', () => {
  const current = eachTestStaffingApp();

  it("list a division's courses by title and status, and not another division's", async () => {
    const { app, store } = current();
    await recordTestTraining(app, store, { courses });
    await new CommandHandler(store, courseDecider).handle('course-crm-hygiene', {
      type: 'RetireCourse',
      data: { reason: 'folded into onboarding' },
      metadata: { commandId: 'retire', now: '2026-02-01T08:00:00.000Z', divisionId: 'north' },
    });
    await staffingViewsCaughtUp(app, 10_000);
    const catalogue = app.get(CourseCatalogue);
    const ids = (records: Array<{ courseId: string }>) => records.map(({ courseId }) => courseId);
    expect(ids(await catalogue.coursesOf('north'))).toEqual(['crm-hygiene', 'negotiation-101', 'product-basics']);
    expect(ids(await catalogue.coursesOf('north', 'active'))).toEqual(['negotiation-101', 'product-basics']);
    expect(await catalogue.course('north', 'crm-hygiene')).toMatchObject({ status: 'retired', version: 2 });
    expect(await catalogue.course('north', 'closing-201')).toBeUndefined();
  });

  it("keep each person's record, and read a unit's people's records at once", async () => {
    const { app, store } = current();
    await recordTestTraining(app, store, {
      courses,
      assessments: [
        { personId: 'p-1', courseId: 'negotiation-101', assessedOn: '2026-03-09' },
        { personId: 'p-1', courseId: 'product-basics', score: 40, assessedOn: '2026-03-09' },
        { personId: 'p-2', courseId: 'crm-hygiene', assessedOn: '2026-03-09' },
        { personId: 'p-9', courseId: 'closing-201', divisionId: 'south', assessedOn: '2026-03-09' },
      ],
    });
    const records = app.get(TrainingRecords);
    expect(await records.record('north', 'p-1')).toMatchObject({
      personId: 'p-1',
      version: 3,
      assessments: [
        { courseId: 'negotiation-101', passed: true },
        { courseId: 'product-basics', passed: false },
      ],
      certifications: [{ courseId: 'negotiation-101', expiresOn: '2027-03-09', expired: false }],
    });
    expect(await records.record('north', 'p-9')).toBeUndefined();
    const many = await records.recordsOf('north', ['p-1', 'p-2', 'p-9', 'nobody']);
    expect(many.map(({ personId }) => personId).sort()).toEqual(['p-1', 'p-2']);
  });

  it('hold the current certification of each course by its due day, renewed, expired, or for good', async () => {
    const { app, store } = current();
    await recordTestTraining(app, store, {
      courses,
      assessments: [
        { personId: 'p-1', courseId: 'negotiation-101', assessedOn: '2026-03-09' },
        { personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-01-10' },
        { personId: 'p-2', courseId: 'product-basics', assessedOn: '2026-01-10' },
        { personId: 'p-2', courseId: 'product-basics', assessedOn: '2026-05-02' },
        { personId: 'p-3', courseId: 'crm-hygiene', assessedOn: '2026-03-09' },
        { personId: 'p-9', courseId: 'closing-201', divisionId: 'south', assessedOn: '2026-01-10' },
      ],
    });
    const due = (personId: string, courseId: string, expiresOn: string, divisionId = 'north') => ({
      personId,
      divisionId,
      courseId,
      expiresOn,
    });
    const calendar = app.get(CertificationCalendar);
    expect(app.get(DueCertifications)).toBe(calendar);
    expect(await calendar.dueBy('2027-12-31', 10)).toEqual([
      due('p-1', 'product-basics', '2026-07-10'),
      due('p-2', 'product-basics', '2026-11-02'),
      due('p-9', 'closing-201', '2027-01-10', 'south'),
      due('p-1', 'negotiation-101', '2027-03-09'),
    ]);
    expect(await calendar.dueBy('2026-07-10', 1)).toEqual([due('p-1', 'product-basics', '2026-07-10')]);
    expect(await calendar.dueBy('2026-07-09', 10)).toEqual([]);

    await new CommandHandler(store, trainingDecider).handle('training-p-1', {
      type: 'ExpireCertification',
      data: { courseId: 'product-basics', expiresOn: '2026-07-10' },
      metadata: { commandId: 'expire', now: '2026-07-10T01:00:00.000Z', divisionId: 'north' },
    });
    await staffingViewsCaughtUp(app, 10_000);
    expect(await calendar.dueBy('2026-12-31', 10)).toEqual([due('p-2', 'product-basics', '2026-11-02')]);

    const expiring = async (from: string, to: string, people?: string[]) =>
      (await calendar.expiringBetween('north', from, to, people)).map(
        ({ personId, courseId, expiresOn }) => `${personId} ${courseId} ${expiresOn}`,
      );
    expect(await expiring('2026-07-01', '2026-12-31')).toEqual([
      'p-1 product-basics 2026-07-10',
      'p-2 product-basics 2026-11-02',
    ]);
    expect(await expiring('2026-07-10', '2027-03-09')).toEqual([
      'p-2 product-basics 2026-11-02',
      'p-1 negotiation-101 2027-03-09',
    ]);
    expect(await expiring('2026-07-10', '2099-12-31', ['p-1', 'p-3'])).toEqual(['p-1 negotiation-101 2027-03-09']);
    expect(await expiring('2026-01-01', '2099-12-31', [])).toEqual([]);
    expect(await calendar.expiringBetween('north', '2026-01-01', '2099-12-31')).toContainEqual(
      expect.objectContaining({ personId: 'p-1', courseId: 'negotiation-101', grantedOn: '2026-03-09' }),
    );
  });
});
