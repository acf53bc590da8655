import { Get, Inject, Param, Query } from '@nestjs/common';
import {
  Caller,
  DivisionController,
  IdParam,
  leadRoutingRoles,
  ProblemResponses,
  type RequestContext,
  RequireRoles,
  type Role,
} from '@salesos/http';
import { ListExpiringCertificationsQuery } from '../application/list-expiring-certifications.query';
import { ReadUnitReadinessQuery } from '../application/read-unit-readiness.query';
import { ExpiringCertificationsQuery, ReadinessQuery } from './training-record.request.dto';

/** Who looks after many people's training: the division-wide roles (analysts reading) and team leads (their units). */
const oversightRoles: Role[] = [...leadRoutingRoles, 'analyst'];

const unitIdParam = new IdParam('unitId');

/**
 * Training across people: how ready a unit is for its positions, and which certifications run out soon. The
 * division's wide roles see every unit; a team lead the units they manage today.
 */
@DivisionController('training', 'training')
export class TrainingOversightController {
  constructor(
    @Inject(ReadUnitReadinessQuery) private readonly readUnitReadiness: ReadUnitReadinessQuery,
    @Inject(ListExpiringCertificationsQuery) private readonly listExpiring: ListExpiringCertificationsQuery,
  ) {}

  /** The unit's readiness on a day, over its people and those of the units below it, with each person's. */
  @Get('units/:unitId/readiness')
  @RequireRoles(...oversightRoles)
  unitReadiness(
    @Param('unitId', unitIdParam) unitId: string,
    @Query() query: ReadinessQuery,
    @Caller() caller: RequestContext,
  ) {
    return this.readUnitReadiness.execute(unitId, caller, query.asOf);
  }

  /** The reminders: certifications valid today that expire within the next `withinDays` days, soonest first. */
  @Get('certifications/expiring')
  @RequireRoles(...oversightRoles)
  @ProblemResponses({ 404: 'The unit named is not one within the caller’s reach.' })
  expiring(@Query() query: ExpiringCertificationsQuery, @Caller() caller: RequestContext) {
    return this.listExpiring.execute(caller, query.withinDays, query.unitId);
  }
}
