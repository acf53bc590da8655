import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation';
import { PeopleController } from './api/people.controller';
import { PeopleImportsController } from './api/people-imports.controller';
import { CompleteOnboardingTaskHandler } from './application/complete-onboarding-task.handler';
import { EndLeaveHandler } from './application/end-leave.handler';
import { HirePersonHandler } from './application/hire-person.handler';
import { ImportPeopleHandler } from './application/import-people.handler';
import { ListPeopleQuery } from './application/list-people.query';
import { OrganisationPlacements } from './application/organisation-placements';
import { PeopleDirectory } from './application/people-directory.port';
import { PeopleUnitMembership } from './application/people-unit-membership';
import { PersonList } from './application/person-list.port';
import { PersonStreams } from './application/person-streams';
import { Placements } from './application/placements.port';
import { ReadPersonQuery } from './application/read-person.query';
import { RecordDepartureHandler } from './application/record-departure.handler';
import { SetOnboardingPlanHandler } from './application/set-onboarding-plan.handler';
import { SetRampScheduleHandler } from './application/set-ramp-schedule.handler';
import { StartLeaveHandler } from './application/start-leave.handler';
import { TeamLeadReach } from './application/team-lead-reach';
import { TransferPersonHandler } from './application/transfer-person.handler';
import { PeopleTable } from './projections/people.table';

/**
 * The division's people from hire to departure, and who belongs to which unit on a day: the organisation asks it
 * before a unit closes (`PeopleUnitMembership`, which the service's composition binds), the other features through
 * `PeopleDirectory`.
 */
@Module({
  imports: [OrganisationModule],
  controllers: [PeopleImportsController, PeopleController],
  providers: [
    PeopleTable,
    { provide: PeopleDirectory, useExisting: PeopleTable },
    { provide: PersonList, useExisting: PeopleTable },
    { provide: Placements, useClass: OrganisationPlacements },
    PeopleUnitMembership,
    TeamLeadReach,
    PersonStreams,
    ReadPersonQuery,
    ListPeopleQuery,
    ImportPeopleHandler,
    HirePersonHandler,
    SetOnboardingPlanHandler,
    CompleteOnboardingTaskHandler,
    SetRampScheduleHandler,
    TransferPersonHandler,
    StartLeaveHandler,
    EndLeaveHandler,
    RecordDepartureHandler,
  ],
  exports: [
    PeopleDirectory,
    PeopleUnitMembership,
    TeamLeadReach,
    HirePersonHandler,
    SetOnboardingPlanHandler,
    SetRampScheduleHandler,
    TransferPersonHandler,
    StartLeaveHandler,
    RecordDepartureHandler,
  ],
})
export class PeopleModule {}
