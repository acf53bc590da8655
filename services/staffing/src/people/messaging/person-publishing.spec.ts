import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { ContractRegistry, staffingContracts, staffingOrganisationTopic } from '@salesos/contracts';
import { eachTestStaffingApp, recordTestOrganisation, until } from '../../testing';

const manager = asUser('manager-7', 'division-manager', 'north');

describe('the relay of people', () => {
  const current = eachTestStaffingApp();

  it('publishes joining, ramp, transfer and leaving on the organisation topic, keyed by the person, as their contracts say', async () => {
    const { app, store } = current();
    await recordTestOrganisation(app, store, {
      units: [{ unitId: 'east' }, { unitId: 'west' }],
      positions: [{ positionId: 'account-executive' }],
    });
    const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
    await http()
      .post('/people')
      .set(manager)
      .send({
        personId: 'p-1',
        name: 'Mira Jansen',
        email: 'mira@example.com',
        unitId: 'east',
        positionId: 'account-executive',
        hiredOn: '2026-03-02',
        userId: 'rep-mira',
      })
      .expect(201);
    await http()
      .put('/people/p-1/onboarding-plan')
      .set(manager)
      .send({ tasks: [{ taskId: 'accounts', title: 'Accounts', dueDay: 0 }] })
      .expect(200);
    await http()
      .put('/people/p-1/ramp-schedule')
      .set(manager)
      .send({ monthlyShares: [0.5, 1] })
      .expect(200);
    await http()
      .post('/people/p-1/transfers')
      .set(manager)
      .send({ toUnitId: 'west', effectiveOn: '2026-06-01', reason: 'West needs her' })
      .expect(201);
    await http()
      .post('/people/p-1/departure')
      .set(manager)
      .send({ departedOn: '2026-09-01', reason: 'Moved abroad' })
      .expect(200);

    const records = () =>
      current()
        .transport.topicPartitions(staffingOrganisationTopic.name)
        .flat()
        .filter(
          (record) =>
            String(record.headers.ce_type).includes('Member') || String(record.headers.ce_type).includes('Ramp'),
        );
    await until(() => records().length >= 4);
    const registry = new ContractRegistry(staffingContracts);
    const published = records().map((record) => ({
      key: record.key,
      type: String(record.headers.ce_type),
      data: JSON.parse(String(record.value)) as Record<string, unknown>,
    }));
    expect(published.map(({ key, type }) => [key, type])).toEqual([
      ['p-1', 'salesos.staffing.MemberJoined.v1'],
      ['p-1', 'salesos.staffing.RampScheduleSet.v1'],
      ['p-1', 'salesos.staffing.MemberTransferred.v1'],
      ['p-1', 'salesos.staffing.MemberLeft.v1'],
    ]);
    for (const { type, data } of published) expect(registry.validate(type, data)).toEqual({ ok: true });
    expect(published[3]?.data).toMatchObject({ userId: 'rep-mira', unitId: 'west', effectiveOn: '2026-09-01' });
  });
});
