import { Controller, Get, Inject, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
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

/** Division-wide roles read every channel and dealer; a dealer's users read their own dealer only. */
const channelReportRoles = ['admin', 'sales-director', 'division-manager', 'analyst', 'dealer'] as const;

/** Thin: validates the period and filters, scopes them to the caller's division and reach, hands over to ChannelReports. */
@ApiTags('reports')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@RequireRoles(...channelReportRoles)
@Controller('reports')
export class ChannelReportsController {
  constructor(@Inject(ChannelReports) private readonly reports: ChannelReports) {}

  /** Per channel: deals won and lost in the period, win rate, revenue won, and the open pipeline now. */
  @Get('channels')
  channels(@Query() query: ChannelReportQuery, @Caller() caller: RequestContext) {
    return this.reports.channels(channelReportFilter(query, caller));
  }

  /** Per dealer: the same figures, the plan for the period and its attainment, and the won deals by tier. */
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
