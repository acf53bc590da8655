import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldErrorsOf, requestJsonProblems } from '@salesos/http';
import { CaptureLeadRequest, toCaptureInput } from '../../leads';
import { ImportRowReader, type RowReading } from '../application/lead-imports';

/** Rows are checked as capture requests over HTTP are: one set of rules for both. */
@Injectable()
export class CaptureRequestRows extends ImportRowReader {
  async read(row: Record<string, unknown>): Promise<RowReading> {
    // Text no field may hold (NUL characters) is named as in a request body, before the fields' own rules.
    const unreadable = requestJsonProblems(row);
    if (unreadable.length > 0) return { errors: unreadable };
    const request = plainToInstance(CaptureLeadRequest, row);
    const problems = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
    return problems.length > 0 ? { errors: fieldErrorsOf(problems) } : { input: toCaptureInput(request) };
  }
}
