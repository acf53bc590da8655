import type { INestApplicationContext } from '@nestjs/common';
import type { UnitKind } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { type PositionCommand, positionDecider, type UnitCommand, unitDecider } from '../organisation';
import { staffingViewsCaughtUp } from '../staffing-app';

export interface TestUnit {
  unitId: string;
  divisionId?: string;
  kind?: UnitKind;
  /** None: right under the division. */
  parentUnitId?: string;
  /** 2026-01-01 by default. */
  openedOn?: string;
}

export interface TestPosition {
  positionId: string;
  divisionId?: string;
  requiredCertifications?: string[];
}

const metadata = (id: string, divisionId: string) => ({
  commandId: `test-organisation:${id}`,
  now: '2026-01-01T08:00:00.000Z',
  divisionId,
  actor: { userId: 'manager-test', roles: ['division-manager'] },
});

/**
 * Records units and positions of a test division straight through their deciders, as their own commands would, in
 * the order given (a parent before the units below it), and waits until the service's views hold them: for the tests
 * of features that refer to the organisation.
 */
export async function recordTestOrganisation(
  app: INestApplicationContext,
  store: EventStore,
  organisation: { units?: readonly TestUnit[]; positions?: readonly TestPosition[] },
): Promise<void> {
  const units = new CommandHandler(store, unitDecider);
  const opened = new Map<string, { kind: UnitKind; openedOn: string }>();
  for (const unit of organisation.units ?? []) {
    const { unitId, divisionId = 'north', kind = 'team', parentUnitId, openedOn = '2026-01-01' } = unit;
    const parent = parentUnitId === undefined ? undefined : opened.get(parentUnitId);
    if (parentUnitId !== undefined && parent === undefined) throw new Error(`record ${parentUnitId} before ${unitId}`);
    const command: UnitCommand = {
      type: 'OpenUnit',
      data: {
        unitId,
        divisionId,
        kind,
        ...(parentUnitId === undefined || parent === undefined ? {} : { parent: { unitId: parentUnitId, ...parent } }),
        name: `Unit ${unitId}`,
        productGroups: [],
        segments: [],
        territories: [],
        effectiveOn: openedOn,
      },
      metadata: metadata(`unit:${unitId}`, divisionId),
    };
    await units.handle(`unit-${unitId}`, command);
    opened.set(unitId, { kind, openedOn });
  }
  const positions = new CommandHandler(store, positionDecider);
  for (const { positionId, divisionId = 'north', requiredCertifications = [] } of organisation.positions ?? []) {
    const command: PositionCommand = {
      type: 'DefinePosition',
      data: { positionId, divisionId, title: `Position ${positionId}`, duties: [], requiredCertifications },
      metadata: metadata(`position:${positionId}`, divisionId),
    };
    await positions.handle(`position-${positionId}`, command);
  }
  await staffingViewsCaughtUp(app, 10_000);
}
