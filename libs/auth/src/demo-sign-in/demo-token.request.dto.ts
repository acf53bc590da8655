import { ApiProperty } from '@nestjs/swagger';
import { IsId } from '@salesos/http';

export class DemoTokenRequest {
  @ApiProperty({ example: 'director-1', description: 'One of the demo users `GET /demo/users` lists' })
  @IsId()
  userId!: string;
}
