import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { ContractRegistry, staffingContracts, staffingOrganisationTopic } from '@salesos/contracts';
import { eachTestStaffingApp, until } from '../../testing';

const manager = asUser('manager-7', 'division-manager', 'north');
const cuts = { productGroups: ['presses'], segments: [], territories: ['south'] };

describe('the relay of the organisation', () => {
  const current = eachTestStaffingApp();

  it('publishes each unit opened and closed on the organisation topic, keyed by the unit, as its contract says', async () => {
    const http = () => request(current().app.getHttpServer() as Parameters<typeof request>[0]);
    await http()
      .post('/units')
      .set(manager)
      .send({ unitId: 'sales', kind: 'department', name: 'Sales', ...cuts, effectiveOn: '2026-01-01' })
      .expect(201);
    await http()
      .put('/units/sales')
      .set(manager)
      .send({ name: 'Sales & Service', ...cuts })
      .expect(200);
    await http()
      .post('/units/sales/closure')
      .set(manager)
      .send({ reason: 'Reorganised', effectiveOn: '2026-07-01' })
      .expect(200);

    const records = () => current().transport.topicPartitions(staffingOrganisationTopic.name).flat();
    await until(() => records().length >= 2);
    const registry = new ContractRegistry(staffingContracts);
    const published = records().map((record) => ({
      key: record.key,
      type: String(record.headers.ce_type),
      data: JSON.parse(String(record.value)) as Record<string, unknown>,
    }));
    expect(published.map(({ key, type }) => [key, type])).toEqual([
      ['sales', 'salesos.staffing.UnitOpened.v1'],
      ['sales', 'salesos.staffing.UnitClosed.v1'],
    ]);
    for (const { type, data } of published) expect(registry.validate(type, data)).toEqual({ ok: true });
    expect(published[1]?.data).toMatchObject({ unitId: 'sales', effectiveOn: '2026-07-01', reason: 'Reorganised' });
  });
});
