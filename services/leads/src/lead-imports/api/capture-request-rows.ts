import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrorsOf } from '@salesos/http';
import { CaptureLeadRequest, toCaptureInput } from '../../leads';
import { ImportRowReader, type RowReading } from '../application/lead-imports';

/** Rows are checked as capture requests over HTTP are: one set of rules for both. */
@Injectable()
export class CaptureRequestRows extends ImportRowReader {
  async read(row: Record<string, unknown>): Promise<RowReading> {
    const request = plainToInstance(CaptureLeadRequest, row);
    const problems = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
    return problems.length > 0 ? { errors: fieldErrorsOf(problems) } : { input: toCaptureInput(request) };
  }
}
