import { Module } from '@nestjs/common';
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
import { ProgrammeCatalogue } from './application/programme-catalogue.port';
import { ProgrammeStreams } from './application/programme-streams';
import { ReadCourseQuery } from './application/read-course.query';
import { ReadProgrammeQuery } from './application/read-programme.query';
import { RecordAssessmentHandler } from './application/record-assessment.handler';
import { RetireCourseHandler } from './application/retire-course.handler';
import { RetireProgrammeHandler } from './application/retire-programme.handler';
import { ReviseCourseHandler } from './application/revise-course.handler';
import { ReviseProgrammeHandler } from './application/revise-programme.handler';
import { TrainingRecords } from './application/training-records.port';
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
  providers: [
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
