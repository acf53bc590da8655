import { ContractRegistry, staffingContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { TrainingCommand } from '../domain/training.commands';
import { trainingDecider } from '../domain/training.decider';
import { mapTrainingEvent } from './training-integration.mapper';

describe('training integration mapping', () => {
  const registry = new ContractRegistry(staffingContracts);
  const person = { personId: 'p-1', divisionId: 'north' };
  const assessment = { ...person, assessedBy: 'lead-1', passMark: 70 };

  async function trainingHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, trainingDecider);
    let n = 0;
    const run = (command: Omit<TrainingCommand, 'metadata'>, now = '2026-03-10T09:00:00.000Z') =>
      handler.handle('training-p-1', {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now, divisionId: 'north' },
      } as TrainingCommand);
    await run({ type: 'EnrolPerson', data: { ...person, courseIds: ['negotiation-101'], enrolledOn: '2026-03-01' } });
    const negotiation = { courseId: 'negotiation-101', certificationValidityMonths: 12 };
    await run({
      type: 'RecordAssessment',
      data: { ...assessment, ...negotiation, assessmentId: 'a-1', score: 55, assessedOn: '2026-03-05' },
    });
    await run({
      type: 'RecordAssessment',
      data: { ...assessment, ...negotiation, assessmentId: 'a-2', score: 82, assessedOn: '2026-03-09' },
    });
    await run({
      type: 'RecordAssessment',
      data: { ...assessment, courseId: 'crm-hygiene', assessmentId: 'a-3', score: 90, assessedOn: '2026-03-09' },
    });
    await run(
      {
        type: 'RecordAssessment',
        data: { ...assessment, ...negotiation, assessmentId: 'a-4', score: 95, assessedOn: '2027-03-01' },
      },
      '2027-03-01T10:00:00.000Z',
    );
    await run(
      { type: 'ExpireCertification', data: { courseId: 'negotiation-101', expiresOn: '2028-03-01' } },
      '2028-03-01T01:00:00.000Z',
    );
    return (await store.readAll()).events;
  }

  it('publishes every assessment and each grant, renewal and expiry, matching its contract, keyed by the person', async () => {
    const published = (await trainingHistory()).flatMap(mapTrainingEvent);
    expect(published.map((event) => [event.type, event.subject])).toEqual([
      ['salesos.staffing.AssessmentRecorded.v1', 'p-1'],
      ['salesos.staffing.AssessmentRecorded.v1', 'p-1'],
      ['salesos.staffing.CertificationGranted.v1', 'p-1'],
      ['salesos.staffing.AssessmentRecorded.v1', 'p-1'],
      ['salesos.staffing.CertificationGranted.v1', 'p-1'],
      ['salesos.staffing.AssessmentRecorded.v1', 'p-1'],
      ['salesos.staffing.CertificationGranted.v1', 'p-1'],
      ['salesos.staffing.CertificationExpired.v1', 'p-1'],
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.source).toBe('/salesos/staffing');
      expect(event.divisionId).toBe('north');
    }
    expect(published.map((event) => event.data)).toEqual([
      {
        ...person,
        assessmentId: 'a-1',
        courseId: 'negotiation-101',
        score: 55,
        passMark: 70,
        passed: false,
        assessedBy: 'lead-1',
        assessedOn: '2026-03-05',
        recordedAt: '2026-03-10T09:00:00.000Z',
      },
      expect.objectContaining({ assessmentId: 'a-2', passed: true }),
      {
        ...person,
        courseId: 'negotiation-101',
        assessmentId: 'a-2',
        grantedOn: '2026-03-09',
        expiresOn: '2027-03-09',
        validityMonths: 12,
      },
      expect.objectContaining({ assessmentId: 'a-3', courseId: 'crm-hygiene' }),
      { ...person, courseId: 'crm-hygiene', assessmentId: 'a-3', grantedOn: '2026-03-09' },
      expect.objectContaining({ assessmentId: 'a-4' }),
      {
        ...person,
        courseId: 'negotiation-101',
        assessmentId: 'a-4',
        grantedOn: '2027-03-01',
        expiresOn: '2028-03-01',
        validityMonths: 12,
        previousExpiresOn: '2027-03-09',
      },
      { ...person, courseId: 'negotiation-101', expiresOn: '2028-03-01', expiredAt: '2028-03-01T01:00:00.000Z' },
    ]);
  });

  it('reads only training streams', async () => {
    const [enrolled] = await trainingHistory();
    if (enrolled === undefined) throw new Error('no history');
    expect(mapTrainingEvent(enrolled)).toEqual([]);
    const assessed = (await trainingHistory()).find((event) => event.type === 'AssessmentRecorded');
    if (assessed === undefined) throw new Error('no assessment');
    expect(mapTrainingEvent({ ...assessed, metadata: { ...assessed.metadata, streamId: 'person-p-1' } })).toEqual([]);
  });
});
