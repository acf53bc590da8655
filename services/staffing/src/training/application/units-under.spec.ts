import { unitsUnder } from './units-under';

describe('unitsUnder', () => {
  const units = [
    { unitId: 'sales' },
    { unitId: 'presses', parentUnitId: 'sales' },
    { unitId: 'presses-south', parentUnitId: 'presses' },
    { unitId: 'presses-north', parentUnitId: 'presses' },
    { unitId: 'service', parentUnitId: 'sales' },
    { unitId: 'elsewhere' },
  ];

  it('is the unit and every unit below it, at any depth', () => {
    expect(unitsUnder(units, 'sales')).toEqual(['sales', 'presses', 'service', 'presses-south', 'presses-north']);
    expect(unitsUnder(units, 'presses')).toEqual(['presses', 'presses-south', 'presses-north']);
  });

  it('is the unit alone when nothing sits below it, or when the division does not have it', () => {
    expect(unitsUnder(units, 'presses-south')).toEqual(['presses-south']);
    expect(unitsUnder(units, 'nowhere')).toEqual(['nowhere']);
  });
});
