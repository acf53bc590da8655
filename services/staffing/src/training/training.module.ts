import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation';
import { PeopleModule } from '../people';
import { CoursesController } from './api/courses.controller';
import { ProgrammesController } from './api/programmes.controller';
import { TrainingOversightController } from './api/training-oversight.controller';
import { TrainingRecordsController } from './api/training-records.controller';
import { CertificationCalendar } from './application/certification-calendar.port';
import { CertificationExpiries } from './application/certification-expiries';
import { CourseCatalogue } from './application/course-catalogue.port';
import { CourseStreams } from './application/course-streams';
import { DefineCourseHandler } from './application/define-course.handler';
import { DefineProgrammeHandler } from './application/define-programme.handler';
import { DueCertifications } from './application/due-certifications.port';
import { EnrolPersonHandler } from './application/enrol-person.handler';
import { ExpireCertificationHandler } from './application/expire-certification.handler';
import { ExpireDueCertificationsHandler } from './application/expire-due-certifications.handler';
import { ListExpiringCertificationsQuery } from './application/list-expiring-certifications.query';
import { ProgrammeCatalogue } from './application/programme-catalogue.port';
import { ProgrammeStreams } from './application/programme-streams';
import { ReadCourseQuery } from './application/read-course.query';
import { ReadPersonReadinessQuery } from './application/read-person-readiness.query';
import { ReadProgrammeQuery } from './application/read-programme.query';
import { ReadTrainingRecordQuery } from './application/read-training-record.query';
import { ReadUnitReadinessQuery } from './application/read-unit-readiness.query';
import { RecordAssessmentHandler } from './application/record-assessment.handler';
import { RetireCourseHandler } from './application/retire-course.handler';
import { RetireProgrammeHandler } from './application/retire-programme.handler';
import { ReviseCourseHandler } from './application/revise-course.handler';
import { ReviseProgrammeHandler } from './application/revise-programme.handler';
import { TrainingRecords } from './application/training-records.port';
import { TrainingReach } from './application/training-reach';
import { TrainingStreams } from './application/training-streams';
import { WithdrawEnrolmentHandler } from './application/withdraw-enrolment.handler';
import { CertificationsTable } from './projections/certifications.table';
import { CoursesTable } from './projections/courses.table';
import { ProgrammesTable } from './projections/programmes.table';
import { TrainingRecordsTable } from './projections/training-records.table';

/**
 * Training: the division's catalogue of courses and programmes, each person's enrolments, assessments and
 * certifications, the daily expiry of certifications whose day came, and readiness for a position.
 */
@Module({
  imports: [OrganisationModule, PeopleModule],
  controllers: [CoursesController, ProgrammesController, TrainingRecordsController, TrainingOversightController],
  providers: [
    TrainingReach,
    CoursesTable,
    { provide: CourseCatalogue, useExisting: CoursesTable },
    ProgrammesTable,
    { provide: ProgrammeCatalogue, useExisting: ProgrammesTable },
    TrainingRecordsTable,
    { provide: TrainingRecords, useExisting: TrainingRecordsTable },
    CertificationsTable,
    { provide: CertificationCalendar, useExisting: CertificationsTable },
    { provide: DueCertifications, useExisting: CertificationsTable },
    CourseStreams,
    ProgrammeStreams,
    TrainingStreams,
    ReadCourseQuery,
    ReadProgrammeQuery,
    ReadTrainingRecordQuery,
    ReadPersonReadinessQuery,
    ReadUnitReadinessQuery,
    ListExpiringCertificationsQuery,
    DefineCourseHandler,
    ReviseCourseHandler,
    RetireCourseHandler,
    DefineProgrammeHandler,
    ReviseProgrammeHandler,
    RetireProgrammeHandler,
    EnrolPersonHandler,
    RecordAssessmentHandler,
    WithdrawEnrolmentHandler,
    ExpireCertificationHandler,
    ExpireDueCertificationsHandler,
    CertificationExpiries,
  ],
  exports: [DefineCourseHandler, DefineProgrammeHandler, EnrolPersonHandler, RecordAssessmentHandler],
})
export class TrainingModule {}
