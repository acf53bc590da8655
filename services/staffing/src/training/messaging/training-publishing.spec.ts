import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import { ContractRegistry, staffingContracts, staffingTrainingTopic } from '@salesos/contracts';
import {
  eachTestStaffingApp,
  recordTestOrganisation,
  recordTestPeople,
  recordTestTraining,
  until,
} from '../../testing';
import { CertificationExpiries } from '../application/certification-expiries';

const manager = asUser('manager-7', 'division-manager', 'north');

describe('the relay of training', () => {
  const current = eachTestStaffingApp();

  it('publishes assessments and certifications granted and expired on the training topic, keyed by the person', async () => {
    const { app, store, transport } = current();
    await recordTestOrganisation(app, store, {
      units: [{ unitId: 'presses-south' }],
      positions: [{ positionId: 'account-executive' }],
    });
    await recordTestPeople(app, store, [{ personId: 'p-1', unitId: 'presses-south', userId: 'rep-1' }]);
    // Six months of product basics from January 2026: expired whenever this runs; CRM hygiene certifies for good.
    await recordTestTraining(app, store, {
      courses: [
        { courseId: 'product-basics', validityMonths: 6 },
        { courseId: 'crm-hygiene', validityMonths: null },
      ],
      assessments: [{ personId: 'p-1', courseId: 'product-basics', assessedOn: '2026-01-10' }],
    });
    const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
    const assess = (score: number) =>
      http()
        .post('/training/people/p-1/assessments')
        .set(manager)
        .send({ courseId: 'crm-hygiene', score, assessedOn: '2026-03-09' })
        .expect(201);
    await assess(40);
    await assess(90);
    await app.get(CertificationExpiries).tick();

    const records = () => current().transport.topicPartitions(staffingTrainingTopic.name).flat();
    await until(() => records().length >= 6);
    expect(transport.topicPartitions(staffingTrainingTopic.name).flat()).toHaveLength(6);
    const registry = new ContractRegistry(staffingContracts);
    const published = records().map((record) => ({
      key: record.key,
      type: String(record.headers.ce_type),
      data: JSON.parse(String(record.value)) as Record<string, unknown>,
    }));
    // The expiry timer looks as the service starts too: where the expiry falls among the rest is its business.
    const expiry = published.filter(({ type }) => type === 'salesos.staffing.CertificationExpired.v1');
    const rest = published.filter(({ type }) => type !== 'salesos.staffing.CertificationExpired.v1');
    expect(rest.map(({ key, type }) => [key, type])).toEqual([
      ['p-1', 'salesos.staffing.AssessmentRecorded.v1'],
      ['p-1', 'salesos.staffing.CertificationGranted.v1'],
      ['p-1', 'salesos.staffing.AssessmentRecorded.v1'],
      ['p-1', 'salesos.staffing.AssessmentRecorded.v1'],
      ['p-1', 'salesos.staffing.CertificationGranted.v1'],
    ]);
    expect(expiry.map(({ key, data }) => [key, data.courseId, data.expiresOn])).toEqual([
      ['p-1', 'product-basics', '2026-07-10'],
    ]);
    for (const { type, data } of published) expect(registry.validate(type, data)).toEqual({ ok: true });
    expect(published[2]?.data).toMatchObject({
      courseId: 'crm-hygiene',
      score: 40,
      passed: false,
      assessedBy: 'manager-7',
    });
    expect(published[4]?.data).toEqual({
      personId: 'p-1',
      divisionId: 'north',
      courseId: 'crm-hygiene',
      assessmentId: expect.any(String) as unknown,
      grantedOn: '2026-03-09',
    });
  });
});
