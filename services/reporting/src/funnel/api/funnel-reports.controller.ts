import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Caller, type RequestContext } from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import { ReportQuery, reportFilter } from '../../core/report.query.dto';
import { FunnelQuery } from './funnel-report.query.dto';
import { FunnelReports } from '../application/funnel-reports';

@ApiTags('reports')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@Controller('reports')
export class FunnelReportsController {
  constructor(@Inject(FunnelReports) private readonly reports: FunnelReports) {}

  /** Lead -> qualified -> opportunity -> won over the leads captured in the period, per source or segment. */
  @Get('funnel')
  funnel(@Query() query: FunnelQuery, @Caller() caller: RequestContext) {
    const { groupBy, ...filters } = query;
    return this.reports.funnel(reportFilter(filters, caller), groupBy ?? 'none');
  }

  /** Lead sources ranked by conversion into wins, then by won value. */
  @Get('lead-sources')
  leadSources(@Query() query: ReportQuery, @Caller() caller: RequestContext) {
    return this.reports.leadSources(reportFilter(query, caller));
  }
}
