import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import type { INestApplication } from '@nestjs/common';

/** The callers of the people API specs: everyone of the north division, and one of the south. */
export const callers = {
  manager: asUser('manager-7', 'division-manager', 'north'),
  admin: { ...bearer({ userId: 'admin-1', roles: ['admin'] }), 'X-Division-Id': 'north' },
  director: { ...bearer({ userId: 'director-1', roles: ['sales-director'] }), 'X-Division-Id': 'north' },
  // Their token names west, but they manage east: the organisation decides.
  eastLead: asUser('lead-east', 'team-lead', 'north', { teams: ['west'] }),
  mira: asUser('rep-mira', 'rep', 'north'),
  otherRep: asUser('rep-jon', 'rep', 'north'),
  analyst: asUser('analyst-1', 'analyst', 'north'),
  dealer: asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'nordbau' }),
  southManager: asUser('manager-9', 'division-manager', 'south'),
};

export const mira = {
  personId: 'p-mira',
  name: 'Mira Jansen',
  email: 'mira.jansen@example.com',
  unitId: 'east',
  positionId: 'account-executive',
  hiredOn: '2026-03-02',
  userId: 'rep-mira',
};

const cuts = { productGroups: [], segments: [], territories: [] };

/**
 * North's organisation: the sales department with the east and west teams and a team opening on 2026-09-01, three
 * positions, one retired; the east lead hired into east and its manager; Mira hired into east.
 */
export async function recordNorth(app: INestApplication): Promise<void> {
  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const ok = async (response: request.Test) => {
    const answered = await response;
    if (answered.status >= 300) throw new Error(`${answered.status} ${answered.text}`);
  };
  const unit = (unitId: string, parentUnitId?: string, effectiveOn = '2025-01-01') =>
    ok(
      http()
        .post('/units')
        .set(callers.manager)
        .send({
          unitId,
          kind: parentUnitId === undefined ? 'department' : 'team',
          name: unitId,
          ...cuts,
          effectiveOn,
          ...(parentUnitId === undefined ? {} : { parentUnitId }),
        }),
    );
  await unit('sales');
  await unit('east', 'sales');
  await unit('west', 'sales');
  await unit('later', 'sales', '2026-09-01');
  for (const positionId of ['account-executive', 'senior-account-executive', 'old-position']) {
    await ok(
      http()
        .post('/positions')
        .set(callers.manager)
        .send({ positionId, title: positionId, duties: [], requiredCertifications: [] }),
    );
  }
  await ok(http().post('/positions/old-position/retirement').set(callers.manager).send({ reason: 'Merged' }));
  await ok(
    http()
      .post('/people')
      .set(callers.manager)
      .send({
        ...mira,
        personId: 'p-lead',
        name: 'Lea East',
        email: 'lea@example.com',
        userId: 'lead-east',
        hiredOn: '2025-06-01',
      }),
  );
  await ok(
    http().post('/units/east/managers').set(callers.manager).send({ personId: 'p-lead', effectiveOn: '2025-06-01' }),
  );
  await ok(http().post('/people').set(callers.manager).send(mira));
}
