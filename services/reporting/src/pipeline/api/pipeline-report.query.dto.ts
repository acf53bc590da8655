import { ApiHideProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { PageQuery, Optional, IsInstant, QueryInt } from '@salesos/http';
import { Equals, IsIn, Matches } from 'class-validator';
import { ReportQuery } from '../../core/report.query.dto';

/** Why the pipeline takes no period, said to whoever sends one. */
export const pipelineTakesNoPeriod =
  'is not taken by the pipeline: it counts the deals open at one instant (now, or asOf), not a period; ' +
  '/reports/deals?status=open with from/to lists the deals opened in a period';

/**
 * The pipeline is a snapshot: the deals open now, or at `asOf`. A period (`from`/`to`) has no meaning for it, so
 * it is refused by name rather than ignored; the other reports take it.
 */
export class PipelineReportQuery extends OmitType(ReportQuery, ['from', 'to'] as const) {
  /** Refused whatever its value; not in the API document. */
  @ApiHideProperty()
  @Equals(undefined, { message: pipelineTakesNoPeriod })
  from?: never;

  @ApiHideProperty()
  @Equals(undefined, { message: pipelineTakesNoPeriod })
  to?: never;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', description: 'The pipeline as it stood at this instant' })
  @Optional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    enum: ['known', 'believed'],
    default: 'known',
    description: 'With asOf: as known now (later corrections count), or as believed then (only what was recorded)',
  })
  @Optional()
  @IsIn(['known', 'believed'])
  basis?: 'known' | 'believed';
}

export class KeyCustomersQuery extends ReportQuery {
  @ApiPropertyOptional({ default: 10 })
  @Optional()
  @QueryInt({ min: 1, max: 100 })
  limit?: number;
}

/** The deals behind a figure: the report filters, a status and a stage, and the paging of every list. */
export class DealsQuery extends IntersectionType(ReportQuery, PageQuery) {
  @ApiPropertyOptional({ enum: ['open', 'won', 'lost'] })
  @Optional()
  @IsIn(['open', 'won', 'lost'])
  status?: 'open' | 'won' | 'lost';

  @ApiPropertyOptional()
  @Optional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,59}$/, { message: 'stageId must be a stage id' })
  stageId?: string;
}
