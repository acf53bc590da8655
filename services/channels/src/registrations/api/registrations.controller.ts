import { Body, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  organisationRoles,
  pageWindow,
  ProblemResponses,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import { idParam } from '@salesos/http';
import { dealerReach } from '../../core/dealer-reach';
import { DealerError, DealerErrorCode } from '../../dealers';
import { ReadRegistrationQuery } from '../application/read-registration.query';
import { RegistrationList } from '../application/registration-list.port';
import { SubmitRegistrationHandler } from '../application/submit-registration.handler';
import type { Registration } from '../domain/registration.state';
import { ListRegistrationsQuery, SubmitRegistrationRequest } from './registration.request.dto';

/** The registration, its version as the ETag, and when it lapses if nothing moves. */
function answer(
  result: { state: Registration | { status: 'none' }; version: number; lapseDueAt?: string },
  response: Response,
) {
  response.setHeader('ETag', etagFor(result.version));
  return {
    ...result.state,
    ...(result.lapseDueAt === undefined ? {} : { lapseDueAt: result.lapseDueAt }),
    version: result.version,
  };
}

/**
 * The dealer a registration is submitted for: a dealer's user's own dealer (another one named reads as not found),
 * the one named by division managers, sales directors and admins, who register on a dealer's behalf.
 */
function submittingDealer(caller: RequestContext, named: string | undefined): string {
  const reach = dealerReach(caller);
  if (reach === undefined) {
    if (named === undefined) {
      throw new RequestValidationError([{ field: 'dealerId', message: 'names the dealer the deal is registered for' }]);
    }
    return named;
  }
  if (named !== undefined && named !== reach) {
    throw new DealerError(DealerErrorCode.NotFound, `No dealer ${named} in your reach`);
  }
  return reach;
}

/**
 * Deal registrations: a dealer's users register deals with companies for their own dealer (division managers, sales
 * directors and admins on a dealer's behalf); the leads service answers each, accepted or in conflict, and the
 * registration then follows the deal until it is won, lost or lapses. The organisation reads every registration, a
 * dealer's users their own dealer's.
 */
@DivisionController('registrations', 'registrations')
export class RegistrationsController {
  constructor(
    @Inject(SubmitRegistrationHandler) private readonly submitRegistration: SubmitRegistrationHandler,
    @Inject(ReadRegistrationQuery) private readonly readRegistration: ReadRegistrationQuery,
    @Inject(RegistrationList) private readonly list: RegistrationList,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles, 'dealer')
  @HttpCode(201)
  @ProblemResponses({ 404: "A dealer's user named a dealer other than their own, which is not in their reach." })
  async submit(
    @Body() body: SubmitRegistrationRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const registration = {
      ...(body.registrationId === undefined ? {} : { registrationId: body.registrationId }),
      dealerId: submittingDealer(caller, body.dealerId),
      companyName: body.companyName,
      ...(body.contactEmail === undefined ? {} : { contactEmail: body.contactEmail }),
      ...(body.productGroup === undefined ? {} : { productGroup: body.productGroup }),
      ...(body.estimatedValue === undefined
        ? {}
        : { estimatedValue: { amount: body.estimatedValue.amount, currency: body.estimatedValue.currency } }),
    };
    const result = await this.submitRegistration.execute(registration, caller, expectedVersionFrom(ifMatch));
    response.setHeader('Location', `/registrations/${result.registrationId}`);
    return answer(result, response);
  }

  @Get()
  @RequireRoles(...organisationRoles, 'dealer')
  async find(@Query() query: ListRegistrationsQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const reach = dealerReach(caller);
    if (reach !== undefined && query.dealerId !== undefined && query.dealerId !== reach) {
      return { items: [], page, pageSize, total: 0 };
    }
    const dealerId = reach ?? query.dealerId;
    const { items, total } = await this.list.find(
      {
        divisionId: caller.divisionId,
        ...(dealerId === undefined ? {} : { dealerId }),
        ...(query.status === undefined ? {} : { status: query.status }),
      },
      offset,
      pageSize,
    );
    return { items, page, pageSize, total };
  }

  @Get(':registrationId')
  @RequireRoles(...organisationRoles, 'dealer')
  async get(
    @Param('registrationId') registrationId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(await this.readRegistration.execute(idParam('registrationId', registrationId), caller), response);
  }
}
