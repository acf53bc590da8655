import type { Unit } from './unit.decider';
import { unitTree } from './unit-tree';

const unit = (unitId: string, changes: Partial<Unit> = {}): Unit => ({
  unitId,
  divisionId: 'north',
  kind: 'team',
  name: unitId,
  productGroups: [],
  segments: [],
  territories: [],
  status: 'open',
  openedOn: '2026-01-01',
  managers: [],
  ...changes,
});

describe("a division's unit tree on a day", () => {
  const units = [
    unit('sales', { kind: 'department', name: 'Sales', managers: [{ personId: 'anna', effectiveOn: '2026-01-01' }] }),
    unit('service', { kind: 'department', name: 'Service', openedOn: '2026-07-01' }),
    unit('south', { name: 'South', parentUnitId: 'sales' }),
    unit('north', {
      name: 'North',
      parentUnitId: 'sales',
      status: 'closed',
      closedOn: '2026-06-01',
      managers: [
        { personId: 'ben', effectiveOn: '2026-01-01' },
        { personId: 'cleo', effectiveOn: '2026-03-01' },
      ],
    }),
    unit('key-accounts', { name: 'Key accounts' }),
  ];

  it('holds the units open that day under their parents, each level in name order, with the manager of that day', () => {
    expect(unitTree(units, '2026-02-15')).toEqual([
      expect.objectContaining({ unitId: 'key-accounts', units: [] }),
      expect.objectContaining({
        unitId: 'sales',
        kind: 'department',
        managerPersonId: 'anna',
        units: [
          expect.objectContaining({ unitId: 'north', managerPersonId: 'ben', closedOn: '2026-06-01' }),
          expect.objectContaining({ unitId: 'south', units: [] }),
        ],
      }),
    ]);
    const march = unitTree(units, '2026-03-01');
    expect(march[1]?.units[0]?.managerPersonId).toBe('cleo');
  });

  it('leaves out units not open yet and units closed by then', () => {
    const july = unitTree(units, '2026-07-01');
    expect(july.map((node) => node.unitId)).toEqual(['key-accounts', 'sales', 'service']);
    expect(july[1]?.units.map((node) => node.unitId)).toEqual(['south']);
    expect(unitTree(units, '2025-12-31')).toEqual([]);
  });

  it('shows a unit whose parent is not open that day right under the division rather than lose it', () => {
    const orphan = unit('orphan', { parentUnitId: 'service', openedOn: '2026-02-01' });
    expect(unitTree([...units, orphan], '2026-03-01').map((node) => node.unitId)).toContain('orphan');
  });
});
