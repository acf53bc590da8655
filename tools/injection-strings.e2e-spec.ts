import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { asUser } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { startTestPlatform } from './testing/test-platform';
import { dealRequest } from './testing/deal-request';

jest.setTimeout(60_000);

/**
 * SQL, JSON and header injection in one string, kept short enough for the tightest free-text field (40). Ids (of
 * products, reps, segments) are validated identifiers, not free text, and refuse such strings with a 400 instead.
 */
const sneaky = `x');DROP TABLE rpt_lead;--{"$ne":1}\r\nX-Bad: 1`.slice(0, 40);
const longer = `O'Brien"); DROP TABLE rpt_opportunity;-- {"$gt": ""} \r\nX-Injected: yes`;

describe('injection-looking strings in every free-text field', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  const manager = asUser('manager-1', 'division-manager', 'north');
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
  });

  afterAll(async () => {
    await app.close();
  });

  it('are stored and returned verbatim by the commands, the queries, the exports and the reports', async () => {
    const segment = await http()
      .post('/segments')
      .set(manager)
      .send({ name: longer, criteria: { industries: [sneaky] } });
    expect(segment.status).toBe(201);
    expect((await http().get('/segments').set(manager)).body.items[0]).toMatchObject({ name: longer });

    const captured = await http()
      .post('/leads')
      .set(manager)
      .send({
        source: sneaky,
        campaign: longer,
        contact: { name: longer },
        company: { name: longer, industry: sneaky },
        territory: sneaky,
        needTags: [sneaky],
      });
    expect(captured.status).toBe(201);
    const leadId = captured.body.leadId as string;
    const lead = await http().get(`/leads/${leadId}`).set(manager);
    expect(lead.body).toMatchObject({ source: sneaky, contactName: longer, territory: sneaky, needTags: [sneaky] });
    expect(lead.body.segmentIds).toEqual([segment.body.segmentId]);
    expect(lead.headers['x-bad']).toBeUndefined();
    expect((await store.readStream(`lead-${leadId}`))[0]?.data).toMatchObject({
      campaign: longer,
      company: { name: longer, industry: sneaky },
    });
    expect((await http().post(`/leads/${leadId}/qualification`).set(manager).send({ note: longer })).status).toBe(200);

    const other = await http()
      .post('/leads')
      .set(manager)
      .send({ source: 'web', contact: { name: 'Bo' }, company: { name: 'Other' } });
    const disqualified = await http()
      .post(`/leads/${other.body.leadId as string}/disqualification`)
      .set(manager)
      .send({ reason: longer });
    expect(disqualified.status).toBe(200);

    const opened = await http()
      .post(`/leads/${leadId}/conversion`)
      .set(manager)
      .send(dealRequest({ accountName: longer, expectedCloseDate: '2026-06-30' }));
    expect(opened.status).toBe(201);
    const deal = await http()
      .get(`/opportunities/${opened.body.opportunityId as string}`)
      .set(manager);
    expect(deal.body).toMatchObject({ accountName: longer });
    const exported = await http().get('/opportunities/export').set(manager);
    expect(exported.text).toContain(`"${longer.replace(/"/g, '""')}"`);

    // Through the transport into the read models, and back out of the reports.
    let customers = await http().get('/reports/key-customers').set(manager);
    for (let attempt = 0; attempt < 200 && customers.body.byOpenPipeline?.length !== 1; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      customers = await http().get('/reports/key-customers').set(manager);
    }
    expect(customers.body.byOpenPipeline).toEqual([{ accountName: longer, deals: 1, value: { EUR: 1000 } }]);
    const sources = await http().get('/reports/lead-sources').set(manager);
    expect(sources.body.sources.map((group: { group: string }) => group.group)).toContain(sneaky);
    const bySegment = await http()
      .get(`/reports/funnel?groupBy=segment&segmentId=${segment.body.segmentId as string}`)
      .set(manager);
    expect(bySegment.body.groups).toEqual([expect.objectContaining({ group: segment.body.segmentId, captured: 1 })]);
    const filtered = await http().get('/reports/pipeline').query({ source: sneaky }).set(manager);
    expect(filtered.status).toBe(200);
    expect(filtered.body.deals).toBe(1);
  });

  it('are stored and returned verbatim by the organisation: unit names, position titles and duties, reasons', async () => {
    const cuts = { productGroups: [], segments: [], territories: [] };
    const opened = await http()
      .post('/units')
      .set(manager)
      .send({ unitId: 'sneaky-unit', kind: 'department', name: longer, ...cuts, effectiveOn: '2026-01-01' });
    expect(opened.status).toBe(201);
    const tree = await http().get('/units?asOf=2026-03-01').set(manager);
    expect(tree.body.units).toEqual([expect.objectContaining({ unitId: 'sneaky-unit', name: longer })]);
    const closed = await http()
      .post('/units/sneaky-unit/closure')
      .set(manager)
      .send({ reason: longer, effectiveOn: '2026-06-01' });
    expect(closed.body).toMatchObject({ closingReason: longer });
    expect(closed.headers['x-injected']).toBeUndefined();

    const defined = await http()
      .post('/positions')
      .set(manager)
      .send({ positionId: 'sneaky-position', title: sneaky, duties: [longer, sneaky], requiredCertifications: [] });
    expect(defined.status).toBe(201);
    expect((await http().get('/positions').set(manager)).body.items).toEqual([
      expect.objectContaining({ title: sneaky, duties: [longer, sneaky] }),
    ]);
    expect((await store.readStream('position-sneaky-position'))[0]?.data).toMatchObject({ duties: [longer, sneaky] });
  });

  it('are stored and returned verbatim for people: names, onboarding tasks, reasons, and names read from a file', async () => {
    const cuts = { productGroups: [], segments: [], territories: [] };
    await http()
      .post('/units')
      .set(manager)
      .send({ unitId: 'people-unit', kind: 'department', name: 'People', ...cuts, effectiveOn: '2026-01-01' })
      .expect(201);
    await http()
      .post('/positions')
      .set(manager)
      .send({ positionId: 'people-position', title: 'AE', duties: [], requiredCertifications: [] })
      .expect(201);
    const placed = { unitId: 'people-unit', positionId: 'people-position', hiredOn: '2026-02-02' };
    const hired = await http()
      .post('/people')
      .set(manager)
      .send({ personId: 'sneaky-person', name: longer, email: 'sneaky@example.com', ...placed });
    expect(hired.status).toBe(201);
    const planned = await http()
      .put('/people/sneaky-person/onboarding-plan')
      .set(manager)
      .send({ tasks: [{ taskId: 'sneaky-task', title: longer, dueDay: 0 }] });
    expect(planned.body.onboarding).toEqual([expect.objectContaining({ title: longer })]);
    const gone = await http()
      .post('/people/sneaky-person/departure')
      .set(manager)
      .send({ departedOn: '2026-06-01', reason: longer });
    expect(gone.body.departure).toEqual({ departedOn: '2026-06-01', reason: longer });
    expect(gone.headers['x-injected']).toBeUndefined();
    const file = `name,email,unit_id,position_id,hired_on\r\n"${sneaky.replace(/"/g, '""')}",f@example.com,people-unit,people-position,2026-02-02\r\n`;
    const imported = await http().post('/people/imports').set(manager).set('Content-Type', 'text/csv').send(file);
    expect(imported.body).toMatchObject({ hired: 1 });
    const names = ((await http().get('/people').set(manager)).body.items as Array<{ name: string }>).map((p) => p.name);
    expect(names.sort()).toEqual([longer, sneaky].sort());
  });
  it('are stored and returned verbatim for training: course titles and skills, programme titles, reasons', async () => {
    const course = { courseId: 'sneaky-course', title: longer, skills: [sneaky], passMark: 70 };
    const defined = await http().post('/training/courses').set(manager).send(course);
    expect(defined.status).toBe(201);
    expect(defined.headers['x-injected']).toBeUndefined();
    const listed = (await http().get('/training/courses').set(manager)).body.items as Array<{ courseId: string }>;
    expect(listed.find((item) => item.courseId === 'sneaky-course')).toMatchObject({ title: longer, skills: [sneaky] });
    const programme = await http()
      .post('/training/programmes')
      .set(manager)
      .send({ programmeId: 'sneaky-programme', title: longer, courseIds: ['sneaky-course'] });
    expect(programme.body).toMatchObject({ title: longer });
    const retired = await http()
      .post('/training/programmes/sneaky-programme/retirement')
      .set(manager)
      .send({ reason: longer });
    expect(retired.body).toMatchObject({ retirementReason: longer });
    await http()
      .post('/units')
      .set(manager)
      .send({
        unitId: 'training-unit',
        kind: 'department',
        name: 'Training',
        productGroups: [],
        segments: [],
        territories: [],
        effectiveOn: '2026-01-01',
      })
      .expect(201);
    await http()
      .post('/positions')
      .set(manager)
      .send({ positionId: 'training-position', title: 'AE', duties: [], requiredCertifications: [] })
      .expect(201);
    await http()
      .post('/people')
      .set(manager)
      .send({
        personId: 'trainee',
        name: 'Trainee',
        email: 'trainee@example.com',
        unitId: 'training-unit',
        positionId: 'training-position',
        hiredOn: '2026-01-05',
      })
      .expect(201);
    await http()
      .post('/training/people/trainee/enrolments')
      .set(manager)
      .send({ courseId: 'sneaky-course', enrolledOn: '2026-02-02' })
      .expect(200);
    await http()
      .post('/training/people/trainee/withdrawals')
      .set(manager)
      .send({ courseId: 'sneaky-course', reason: longer, withdrawnOn: '2026-02-03' })
      .expect(200);
    const withdrawn = (await store.readStream('training-trainee')).find((event) => event.type === 'EnrolmentWithdrawn');
    expect(withdrawn?.data).toMatchObject({ reason: longer });
  });
});
