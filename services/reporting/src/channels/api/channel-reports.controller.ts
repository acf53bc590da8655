import { Controller, Get, Inject, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { idPattern } from '@salesos/kernel';
import {
  Caller,
  divisionHeaderDescription,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import { ChannelReports } from '../application/channel-reports';
import { ChannelReportQuery, channelReportFilter, DealerReportQuery } from './channel-report.query.dto';

/** A path parameter that must be an id of the platform, refused with the parameter named. */
class IdParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!idPattern.test(value)) {
      throw new RequestValidationError([
        { field: this.name, message: 'must be an id of letters, digits and _ . : @ -' },
      ]);
    }
    return value;
  }
}

/** What the `registrations` figures of the channel and dealer reports mean, as the API description says it. */
const registrationFigures =
  '`registrations`: the deal registrations submitted in the period (every one, without a period), each counted ' +
  'where it stands now. `submitted` = `accepted` + `conflicted` + `awaitingAnswer` (the leads service has not ' +
  'answered yet); `accepted` = `won` + `lost` + `lapsed` + `open` (the dealer still holds the deal). ' +
  '`registrations.winRate` = `won` / (`won` + `lost` + `lapsed`): of the accepted registrations that ended, the ' +
  'share won, a lapse counting as not won; rounded to hundredths; null while none has ended.';

/** Division-wide roles read every channel and dealer; a dealer's users read their own dealer only. */
const channelReportRoles = ['admin', 'sales-director', 'division-manager', 'analyst', 'dealer'] as const;

/** Thin: validates the period and filters, scopes them to the caller's division and reach, hands over to ChannelReports. */
@ApiTags('reports')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@RequireRoles(...channelReportRoles)
@Controller('reports')
export class ChannelReportsController {
  constructor(@Inject(ChannelReports) private readonly reports: ChannelReports) {}

  /** Per channel: deals won and lost in the period, win rate, revenue won, the open pipeline now, registrations. */
  @ApiOperation({
    description:
      'Per channel: deals won and lost in the period, their `winRate` (won / (won + lost)), revenue won and the open ' +
      "pipeline now. A deal or registration counts in its dealer's channel, `direct` for direct deals, `dealer` when " +
      `reporting knows no channel of the dealer. ${registrationFigures}`,
  })
  @Get('channels')
  channels(@Query() query: ChannelReportQuery, @Caller() caller: RequestContext) {
    return this.reports.channels(channelReportFilter(query, caller));
  }

  /** Per dealer: the same figures, the plan for the period and its attainment, and the won deals by tier. */
  @ApiOperation({
    description:
      'Per dealer: the channel figures, the plan for the period and its attainment (revenue won over the plan), and ' +
      `the won deals by the tier in force on the day each was won. ${registrationFigures}`,
  })
  @Get('dealers')
  dealers(@Query() query: DealerReportQuery, @Caller() caller: RequestContext) {
    return this.reports.dealers(channelReportFilter(query, caller));
  }

  /** A dealer's deals in the period, each with the tier in force at its date. */
  @Get('dealers/:dealerId/deals')
  dealerDeals(
    @Param('dealerId', new IdParam('dealerId')) dealerId: string,
    @Query() query: ChannelReportQuery,
    @Caller() caller: RequestContext,
  ) {
    return this.reports.dealerDeals(channelReportFilter(query, caller), dealerId);
  }
}
