import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class StartImportQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Resume this interrupted or failed import with the same file; rows it stored are not stored twice.',
  })
  @IsOptional()
  @IsUUID()
  resumes?: string;
}
