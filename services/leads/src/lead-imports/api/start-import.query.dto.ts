import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '@salesos/http';

export class StartImportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Resume this interrupted or failed import with the same file; rows it stored are not stored twice.',
  })
  @Optional()
  @IsUUID()
  resumes?: string;
}
