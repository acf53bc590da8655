import { Type } from '@sinclair/typebox';
import { CalendarDay, Id, Instant } from '@salesos/kernel';
import { defineContract, type IntegrationEventContract, keptForever, type TopicDefinition } from '../integration-event';
import {
  AssessmentScore,
  CertificationValidityMonths,
  PassMark,
  RampShares,
  StaffingReason,
  UnitCut,
  UnitKind,
  UnitName,
} from '../fields/staffing.fields';

export const staffingOrganisationTopic: TopicDefinition = {
  name: 'salesos.staffing.organisation',
  description:
    "The sales organisation: units opened and closed (key: unit id), and people's memberships of units, each " +
    'effective from a day, and their ramp schedules (key: person id).',
  partitions: 3,
  retentionMs: keptForever,
};

/** The examples tell one story: a team of the machines division is opened, staffed, reshuffled and closed. */
const story = {
  divisionId: 'machines',
  departmentId: 'machines-sales',
  unitId: 'presses-south',
  otherUnitId: 'presses-north',
  personId: 'person-17',
  userId: 'rep-17',
} as const;

const unit = { service: 'staffing', topic: staffingOrganisationTopic, version: 1, subjectField: 'unitId' } as const;
const member = { service: 'staffing', topic: staffingOrganisationTopic, version: 1, subjectField: 'personId' } as const;
/**
 * What every membership event names: the person, their division, and the login they work under (the user id the
 * leads service knows as an owner), when they have one.
 */
const memberFields = { personId: Id, divisionId: Id, userId: Type.Optional(Id) };
const memberIds = { personId: story.personId, divisionId: story.divisionId, userId: story.userId };

export const UnitOpenedV1 = defineContract({
  ...unit,
  name: 'UnitOpened',
  description:
    "A unit of a division's sales organisation was opened, effective from effectiveOn: a department under the " +
    'division, or a team under a department (parentUnitId) or the division (no parentUnitId). Its cuts say which ' +
    'product groups, customer segments and territories it covers.',
  schema: Type.Object(
    {
      unitId: Id,
      divisionId: Id,
      kind: UnitKind,
      name: UnitName,
      parentUnitId: Type.Optional(Id),
      productGroups: UnitCut,
      segments: UnitCut,
      territories: UnitCut,
      effectiveOn: CalendarDay,
      openedAt: Instant,
    },
    { description: 'An opened unit' },
  ),
  example: {
    unitId: story.unitId,
    divisionId: story.divisionId,
    kind: 'team',
    name: 'Presses South',
    parentUnitId: story.departmentId,
    productGroups: ['presses'],
    segments: ['mid-market'],
    territories: ['south'],
    effectiveOn: '2026-01-01',
    openedAt: '2025-12-15T09:00:00.000Z',
  },
});

export const UnitClosedV1 = defineContract({
  ...unit,
  name: 'UnitClosed',
  description:
    'A unit was closed, effective from effectiveOn, with the reason. It had no members and no open units below it ' +
    'from that day on.',
  schema: Type.Object(
    { unitId: Id, divisionId: Id, reason: StaffingReason, effectiveOn: CalendarDay, closedAt: Instant },
    { description: 'A closed unit' },
  ),
  example: {
    unitId: story.unitId,
    divisionId: story.divisionId,
    reason: 'Merged into Presses North',
    effectiveOn: '2026-10-01',
    closedAt: '2026-09-20T14:00:00.000Z',
  },
});

export const MemberJoinedV1 = defineContract({
  ...member,
  name: 'MemberJoined',
  description:
    'A person joined a unit in a position, effective from effectiveOn (their hire): from that day they belong to ' +
    'it. A day later than recordedAt is a joining still to come.',
  schema: Type.Object(
    { ...memberFields, unitId: Id, positionId: Id, effectiveOn: CalendarDay, recordedAt: Instant },
    { description: 'A joined member' },
  ),
  example: {
    ...memberIds,
    unitId: story.unitId,
    positionId: 'account-executive',
    effectiveOn: '2026-02-01',
    recordedAt: '2026-01-20T10:00:00.000Z',
  },
});

export const MemberTransferredV1 = defineContract({
  ...member,
  name: 'MemberTransferred',
  description:
    'A member moved from one unit (and position) to another, effective from effectiveOn, with the reason: from ' +
    'that day they belong to toUnitId and no longer to fromUnitId.',
  schema: Type.Object(
    {
      ...memberFields,
      fromUnitId: Id,
      toUnitId: Id,
      fromPositionId: Id,
      toPositionId: Id,
      reason: StaffingReason,
      effectiveOn: CalendarDay,
      recordedAt: Instant,
    },
    { description: 'A transferred member' },
  ),
  example: {
    ...memberIds,
    fromUnitId: story.unitId,
    toUnitId: story.otherUnitId,
    fromPositionId: 'account-executive',
    toPositionId: 'senior-account-executive',
    reason: 'Presses South merges into Presses North',
    effectiveOn: '2026-09-01',
    recordedAt: '2026-08-15T08:30:00.000Z',
  },
});

export const MemberLeftV1 = defineContract({
  ...member,
  name: 'MemberLeft',
  description:
    'A member left their unit, effective from effectiveOn (their departure), with the reason: from that day they ' +
    'belong to no unit.',
  schema: Type.Object(
    { ...memberFields, unitId: Id, reason: StaffingReason, effectiveOn: CalendarDay, recordedAt: Instant },
    { description: 'A member who left' },
  ),
  example: {
    ...memberIds,
    unitId: story.otherUnitId,
    reason: 'Resigned',
    effectiveOn: '2027-03-31',
    recordedAt: '2027-02-28T16:00:00.000Z',
  },
});

export const RampScheduleSetV1 = defineContract({
  ...member,
  name: 'RampScheduleSet',
  description:
    "A person's ramp schedule was set, replacing any before: monthlyShares[n] is the share of full quota they carry " +
    'in month n of tenure, counted from hiredOn (the first month runs to the day before the same day a month ' +
    'later); after the last month, full quota.',
  schema: Type.Object(
    { ...memberFields, hiredOn: CalendarDay, monthlyShares: RampShares, recordedAt: Instant },
    { description: 'A ramp schedule' },
  ),
  example: {
    ...memberIds,
    hiredOn: '2026-02-01',
    monthlyShares: [0.25, 0.5, 0.75, 1],
    recordedAt: '2026-01-20T10:05:00.000Z',
  },
});

export const staffingTrainingTopic: TopicDefinition = {
  name: 'salesos.staffing.training',
  description:
    "People's training (key: person id): every assessment recorded, passed or failed, and the certifications passes " +
    'grant and renew, and time takes away.',
  partitions: 3,
  retentionMs: keptForever,
};

const training = {
  service: 'staffing',
  topic: staffingTrainingTopic,
  version: 1,
  subjectField: 'personId',
} as const;
/** What every training event names: the person trained (a staffing person id) and their division. */
const trainee = { personId: Id, divisionId: Id };
const traineeIds = { personId: story.personId, divisionId: story.divisionId };

export const AssessmentRecordedV1 = defineContract({
  ...training,
  name: 'AssessmentRecorded',
  description:
    'A person was assessed in a course on assessedOn, by assessedBy (the user who recorded it, unless another ' +
    'assessor was named), with the score out of 100 and the pass mark it was judged by: passed when the score is at ' +
    'or above the pass mark. Failed assessments are published too: the record of evaluation is the point.',
  schema: Type.Object(
    {
      ...trainee,
      assessmentId: Id,
      courseId: Id,
      score: AssessmentScore,
      passMark: PassMark,
      passed: Type.Boolean(),
      assessedBy: Id,
      assessedOn: CalendarDay,
      recordedAt: Instant,
    },
    { description: 'A recorded assessment' },
  ),
  example: {
    ...traineeIds,
    assessmentId: 'assessment-41',
    courseId: 'negotiation-basics',
    score: 82,
    passMark: 70,
    passed: true,
    assessedBy: 'lead-3',
    assessedOn: '2026-03-09',
    recordedAt: '2026-03-09T15:20:00.000Z',
  },
});

export const CertificationGrantedV1 = defineContract({
  ...training,
  name: 'CertificationGranted',
  description:
    'A pass (assessmentId) certified the person in a course from grantedOn: valid until the day before expiresOn, ' +
    'or for good without expiresOn (a course without validity). A renewal names the expiry of the certification it ' +
    'replaces in previousExpiresOn; that one is not expired separately.',
  schema: Type.Object(
    {
      ...trainee,
      courseId: Id,
      assessmentId: Id,
      grantedOn: CalendarDay,
      expiresOn: Type.Optional(CalendarDay),
      validityMonths: Type.Optional(CertificationValidityMonths),
      previousExpiresOn: Type.Optional(CalendarDay),
    },
    { description: 'A granted certification' },
  ),
  example: {
    ...traineeIds,
    courseId: 'negotiation-basics',
    assessmentId: 'assessment-41',
    grantedOn: '2026-03-09',
    expiresOn: '2027-03-09',
    validityMonths: 12,
    previousExpiresOn: '2026-04-01',
  },
});

export const CertificationExpiredV1 = defineContract({
  ...training,
  name: 'CertificationExpired',
  description:
    "The person's certification of a course that expired on expiresOn was not renewed in time: from that day they " +
    'no longer hold it. Recorded by the service at expiredAt, on or after that day.',
  schema: Type.Object(
    { ...trainee, courseId: Id, expiresOn: CalendarDay, expiredAt: Instant },
    { description: 'An expired certification' },
  ),
  example: {
    ...traineeIds,
    courseId: 'negotiation-basics',
    expiresOn: '2027-03-09',
    expiredAt: '2027-03-09T01:00:00.000Z',
  },
});

/** Every contract of the staffing service: its organisation, units, memberships and ramps, and people's training. */
export const staffingContracts: readonly IntegrationEventContract[] = [
  UnitOpenedV1,
  UnitClosedV1,
  MemberJoinedV1,
  MemberTransferredV1,
  MemberLeftV1,
  RampScheduleSetV1,
  AssessmentRecordedV1,
  CertificationGrantedV1,
  CertificationExpiredV1,
];
