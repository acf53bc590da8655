import { eachTestStaffingApp } from './test-app';
import { recordTestOrganisation } from './test-organisation';
import { PositionDirectory, UnitDirectory } from '../organisation';

describe('a test organisation', () => {
  const current = eachTestStaffingApp();

  it('is in the views once recorded: units under their parents, and positions', async () => {
    const { app, store } = current();
    await recordTestOrganisation(app, store, {
      units: [
        { unitId: 'sales', kind: 'department' },
        { unitId: 'north-team', parentUnitId: 'sales' },
      ],
      positions: [{ positionId: 'rep', requiredCertifications: ['basics'] }],
    });
    const units = app.get(UnitDirectory);
    expect(await units.requireOpenUnit('north', 'north-team', '2026-03-01')).toMatchObject({
      parentUnitId: 'sales',
      kind: 'team',
    });
    await expect(units.requireOpenUnit('north', 'north-team', '2025-12-31', 'body.unitId')).rejects.toMatchObject({
      code: 'UNIT_CLOSED',
      field: 'body.unitId',
    });
    await expect(units.requireUnit('south', 'sales')).rejects.toMatchObject({ code: 'ORGANISATION_UNKNOWN_REFERENCE' });
    expect(await app.get(PositionDirectory).requireActivePosition('north', 'rep')).toMatchObject({
      requiredCertifications: ['basics'],
    });
  });
});
