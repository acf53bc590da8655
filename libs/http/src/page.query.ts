import { ApiPropertyOptional } from '@nestjs/swagger';
import { QueryInt } from './numbers';
import { Optional } from './optional';

/** The last page a list serves: deeper paging is a sign of a missing filter, and keeps offsets small. */
export const maxPage = 100_000;

/** Paging shared by every list of every service: 1-based pages of at most 200 items. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @QueryInt({ min: 1, max: maxPage })
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @Optional()
  @QueryInt({ min: 1, max: 200 })
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The page the query asks for, as an offset and a limit. */
export function pageWindow(query: PageQuery): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
