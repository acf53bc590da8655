import { ExpectedVersionMismatchError, IdempotencyKeyReusedError } from '@salesos/event-sourcing';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';
import { caller, manager, negotiation, trainingFeature } from './training-application.fixture';

describe('course handlers', () => {
  it("defines a course in the caller's division, on its own stream", async () => {
    const feature = trainingFeature();
    const result = await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    expect(result).toMatchObject({ streamId: 'course-negotiation-101', version: 1, repeated: false });
    const [stored] = await feature.store.readStream('course-negotiation-101');
    expect(stored).toMatchObject({
      type: 'CourseDefined',
      data: { courseId: 'negotiation-101', divisionId: 'north', ...negotiation },
      metadata: { divisionId: 'north', actor: { userId: 'division-manager-1' } },
    });
  });

  it('answers a repeated Idempotency-Key as the first time, appending nothing', async () => {
    const feature = trainingFeature();
    const keyed = caller('division-manager', { key: 'define-negotiation' });
    const first = await feature.defineCourse.execute('negotiation-101', negotiation, keyed);
    const again = await feature.defineCourse.execute('negotiation-101', negotiation, keyed);
    expect(again).toMatchObject({ repeated: true, version: first.version, events: first.events });
    expect(await feature.typesIn('course-negotiation-101')).toEqual(['CourseDefined']);
  });

  it('refuses the same key for a different request', async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute(
      'negotiation-101',
      negotiation,
      caller('division-manager', { key: 'k-1', fingerprint: 'request-a' }),
    );
    await expect(
      feature.defineCourse.execute(
        'negotiation-101',
        { ...negotiation, passMark: 60 },
        caller('division-manager', { key: 'k-1', fingerprint: 'request-b' }),
      ),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('refuses a second definition under the same id without a key', async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    await expect(feature.defineCourse.execute('negotiation-101', negotiation, manager)).rejects.toMatchObject({
      code: TrainingErrorCode.AlreadyExists,
    });
  });

  it('revises on the version the caller saw, and refuses a stale one without appending', async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    const stale = feature.reviseCourse.execute('negotiation-101', { ...negotiation, passMark: 80 }, manager, 0);
    await expect(stale).rejects.toBeInstanceOf(ExpectedVersionMismatchError);
    await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(await feature.typesIn('course-negotiation-101')).toEqual(['CourseDefined']);
    await expect(
      feature.reviseCourse.execute('negotiation-101', { ...negotiation, passMark: 80 }, manager, 1),
    ).resolves.toMatchObject({ version: 2, state: { passMark: 80 } });
  });

  it('retires a course, and reports an unknown one as not found', async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    await expect(feature.retireCourse.execute('negotiation-101', 'replaced', manager)).resolves.toMatchObject({
      state: { status: 'retired' },
    });
    await expect(feature.retireCourse.execute('closing-201', 'replaced', manager)).rejects.toMatchObject({
      code: TrainingErrorCode.CourseNotFound,
    });
  });

  it("reports another division's course as not found, to its managers and to a director acting elsewhere", async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    const south = caller('division-manager', { divisionId: 'south' });
    await expect(feature.retireCourse.execute('negotiation-101', 'x', south)).rejects.toMatchObject({
      code: TrainingErrorCode.CourseNotFound,
    });
    const director = {
      ...south,
      principal: { ...south.principal!, roles: ['sales-director' as const], divisions: 'all' as const },
    };
    await expect(feature.retireCourse.execute('negotiation-101', 'x', director)).rejects.toMatchObject({
      code: TrainingErrorCode.CourseNotFound,
    });
  });

  it('keeps the catalogue to division-wide roles: a team lead reaches no course', async () => {
    const feature = trainingFeature();
    await feature.defineCourse.execute('negotiation-101', negotiation, manager);
    await expect(
      feature.reviseCourse.execute('negotiation-101', { ...negotiation, passMark: 50 }, caller('team-lead')),
    ).rejects.toBeInstanceOf(TrainingError);
    expect(await feature.typesIn('course-negotiation-101')).toEqual(['CourseDefined']);
  });
});
