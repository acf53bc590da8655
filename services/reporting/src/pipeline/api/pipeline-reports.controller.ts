import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Caller, pageWindow, type RequestContext, RequestValidationError } from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import { ReportQuery, reportFilter } from '../../core/report.query.dto';
import { PipelineReports } from '../application/pipeline-reports';
import { DealsQuery, KeyCustomersQuery, PipelineReportQuery } from './pipeline-report.query.dto';

/** Thin: validates the filters, scopes them to the caller's division, hands over to PipelineReports. */
@ApiTags('reports')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@Controller('reports')
export class PipelineReportsController {
  constructor(@Inject(PipelineReports) private readonly reports: PipelineReports) {}

  /** Open deals by stage: count, value, weighted value; with `asOf`, as they stood at that instant. */
  @Get('pipeline')
  pipeline(@Query() query: PipelineReportQuery, @Caller() caller: RequestContext) {
    const { asOf, basis, from: _from, to: _to, ...filters } = query;
    if (basis !== undefined && asOf === undefined) {
      throw new RequestValidationError([{ field: 'basis', message: 'needs asOf' }]);
    }
    const instant = asOf === undefined ? undefined : new Date(asOf).toISOString();
    return this.reports.pipeline(
      reportFilter(filters, caller),
      instant === undefined ? undefined : { instant, basis: basis ?? 'known' },
    );
  }

  /** Win rate, average deal size, median sales cycle and velocity of the deals closed in the period. */
  @Get('outcomes')
  outcomes(@Query() query: ReportQuery, @Caller() caller: RequestContext) {
    return this.reports.outcomes(reportFilter(query, caller));
  }

  /** Stage dwell times, the transition matrix with backward moves, and the bottlenecks, over the period's moves. */
  @Get('stages')
  stages(@Query() query: ReportQuery, @Caller() caller: RequestContext) {
    return this.reports.stages(reportFilter(query, caller));
  }

  @Get('key-customers')
  keyCustomers(@Query() query: KeyCustomersQuery, @Caller() caller: RequestContext) {
    const { limit, ...filters } = query;
    return this.reports.keyCustomers(reportFilter(filters, caller), limit ?? 10);
  }

  /** The deals behind any figure: the same filters, narrowed by status and stage. */
  @Get('deals')
  async deals(@Query() query: DealsQuery, @Caller() caller: RequestContext) {
    const { status, stageId, page: _page, pageSize: _pageSize, ...filters } = query;
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.reports.deals(reportFilter(filters, caller), {
      ...(status === undefined ? {} : { status }),
      ...(stageId === undefined ? {} : { stageId }),
      offset,
      limit: pageSize,
    });
    return { items, page, pageSize, total };
  }
}
