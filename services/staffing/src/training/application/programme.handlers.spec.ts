import { ExpectedVersionMismatchError } from '@salesos/event-sourcing';
import { TrainingErrorCode } from '../domain/training.errors';
import { caller, manager, negotiation, trainingFeature } from './training-application.fixture';

async function catalogue() {
  const feature = trainingFeature();
  await feature.defineCourse.execute('product-basics', { ...negotiation, title: 'Product basics' }, manager);
  await feature.defineCourse.execute('negotiation-101', negotiation, manager);
  return feature;
}

const path = { title: 'New rep path', courseIds: ['product-basics', 'negotiation-101'] };

describe('programme handlers', () => {
  it("defines a programme of the division's offered courses", async () => {
    const feature = await catalogue();
    const result = await feature.defineProgramme.execute('new-rep-path', path, manager);
    expect(result).toMatchObject({ streamId: 'programme-new-rep-path', version: 1 });
    expect(result.events).toEqual([
      {
        type: 'ProgrammeDefined',
        data: { programmeId: 'new-rep-path', divisionId: 'north', ...path, definedAt: '2026-03-10T12:00:00.000Z' },
      },
    ]);
  });

  it('refuses an unknown course as not found, naming its place, and appends nothing', async () => {
    const feature = await catalogue();
    await expect(
      feature.defineProgramme.execute(
        'new-rep-path',
        { ...path, courseIds: ['product-basics', 'closing-201'] },
        manager,
      ),
    ).rejects.toMatchObject({ code: TrainingErrorCode.CourseNotFound, field: 'courseIds[1]' });
    expect(await feature.store.readStream('programme-new-rep-path')).toEqual([]);
  });

  it("refuses another division's course as not found, and a retired course as retired", async () => {
    const feature = await catalogue();
    await feature.defineCourse.execute('closing-201', negotiation, caller('division-manager', { divisionId: 'south' }));
    await expect(
      feature.defineProgramme.execute('p-1', { ...path, courseIds: ['closing-201'] }, manager),
    ).rejects.toMatchObject({ code: TrainingErrorCode.CourseNotFound, field: 'courseIds[0]' });
    await feature.retireCourse.execute('negotiation-101', 'replaced', manager);
    await expect(feature.defineProgramme.execute('p-1', path, manager)).rejects.toMatchObject({
      code: TrainingErrorCode.Retired,
      field: 'courseIds[1]',
    });
  });

  it('revises a programme on the version the caller saw', async () => {
    const feature = await catalogue();
    await feature.defineProgramme.execute('new-rep-path', path, manager);
    const reordered = { ...path, courseIds: ['negotiation-101', 'product-basics'] };
    await expect(feature.reviseProgramme.execute('new-rep-path', reordered, manager, 0)).rejects.toBeInstanceOf(
      ExpectedVersionMismatchError,
    );
    await expect(feature.reviseProgramme.execute('new-rep-path', reordered, manager, 1)).resolves.toMatchObject({
      version: 2,
      state: { courseIds: ['negotiation-101', 'product-basics'] },
    });
  });

  it('says an unknown programme is not found before looking at its courses', async () => {
    const feature = await catalogue();
    await expect(
      feature.reviseProgramme.execute('nowhere', { ...path, courseIds: ['closing-201'] }, manager),
    ).rejects.toMatchObject({ code: TrainingErrorCode.ProgrammeNotFound });
  });

  it('retires a programme', async () => {
    const feature = await catalogue();
    await feature.defineProgramme.execute('new-rep-path', path, manager);
    await expect(feature.retireProgramme.execute('new-rep-path', 'merged', manager)).resolves.toMatchObject({
      state: { status: 'retired', retirementReason: 'merged' },
    });
  });
});
