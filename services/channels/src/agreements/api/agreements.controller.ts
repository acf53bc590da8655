import { Body, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  Clock,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  idParam,
  IfMatch,
  pageWindow,
  type RequestContext,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import { dealerReach, reachesDealer } from '../../core/dealer-reach';
import { AgreementRegister, type AgreementRecord } from '../application/agreement-register.port';
import { DraftAgreementVersionHandler } from '../application/draft-agreement-version.handler';
import { RenewAgreementHandler } from '../application/renew-agreement.handler';
import { SignAgreementVersionHandler } from '../application/sign-agreement-version.handler';
import { TerminateAgreementHandler } from '../application/terminate-agreement.handler';
import { WithdrawAgreementDraftHandler } from '../application/withdraw-agreement-draft.handler';
import type { AgreementTermsInput } from '../domain/agreement.commands';
import type { Agreement, AgreementState } from '../domain/agreement.decider';
import { AgreementError, AgreementErrorCode } from '../domain/agreement.errors';
import { termsInForce } from '../domain/agreement.queries';
import {
  type AgreementTermsRequest,
  DraftAgreementVersionRequest,
  ListAgreementsQuery,
  RenewAgreementRequest,
  SignAgreementVersionRequest,
  TermsOnDayQuery,
  TerminateAgreementRequest,
  WithdrawAgreementDraftRequest,
} from './agreement.request.dto';

function versionParam(version: string): number {
  const number = /^[1-9][0-9]{0,8}$/.test(version) ? Number(version) : Number.NaN;
  if (!Number.isSafeInteger(number)) {
    throw new RequestValidationError([{ field: 'version', message: 'must be a version number from 1 on' }]);
  }
  return number;
}

const terms = (body: AgreementTermsRequest): AgreementTermsInput => ({
  discountPercent: body.discountPercent,
  territories: [...body.territories],
  productGroups: [...body.productGroups],
  exclusivity: body.exclusivity,
  paymentTermsDays: body.paymentTermsDays,
  ...(body.exclusiveTerritories === undefined ? {} : { exclusiveTerritories: [...body.exclusiveTerritories] }),
  ...(body.rebateProgrammeId === undefined ? {} : { rebateProgrammeId: body.rebateProgrammeId }),
});

const notFound = (agreementId: string) =>
  new AgreementError(AgreementErrorCode.NotFound, `There is no agreement '${agreementId}' in your division`);

function answer(result: { version: number; state: AgreementState }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return { ...(result.state as Agreement), version: result.version };
}

/**
 * The cooperation terms with each dealer, as effective-dated versions that apply once signed. The division's
 * managers, sales directors and admins draft, sign, renew and terminate them; everyone in the division reads them,
 * and a dealer's users read their own dealer's agreements only (another dealer's read as not found).
 */
@DivisionController('agreements', 'agreements')
export class AgreementsController {
  constructor(
    @Inject(AgreementRegister) private readonly register: AgreementRegister,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DraftAgreementVersionHandler) private readonly draftVersion: DraftAgreementVersionHandler,
    @Inject(SignAgreementVersionHandler) private readonly signVersion: SignAgreementVersionHandler,
    @Inject(WithdrawAgreementDraftHandler) private readonly withdrawDraft: WithdrawAgreementDraftHandler,
    @Inject(RenewAgreementHandler) private readonly renewAgreement: RenewAgreementHandler,
    @Inject(TerminateAgreementHandler) private readonly terminateAgreement: TerminateAgreementHandler,
  ) {}

  private async visible(agreementId: string, caller: RequestContext): Promise<AgreementRecord> {
    const agreement = await this.register.agreement(caller.divisionId, idParam('agreementId', agreementId));
    if (agreement === undefined || !reachesDealer(caller, agreement.dealerId)) throw notFound(agreementId);
    return agreement;
  }

  @Get()
  async list(@Query() query: ListAgreementsQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const reach = dealerReach(caller);
    const found = await this.register.find(
      {
        divisionId: caller.divisionId,
        today: this.clock.now().toISOString().slice(0, 10),
        ...(reach === undefined ? {} : { reachDealerId: reach }),
        ...(query.dealerId === undefined ? {} : { dealerId: query.dealerId }),
        ...(query.expiringWithinDays === undefined ? {} : { expiringWithinDays: query.expiringWithinDays }),
      },
      offset,
      pageSize,
    );
    return { ...found, page, pageSize };
  }

  @Get(':agreementId')
  async get(
    @Param('agreementId') agreementId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const agreement = await this.visible(agreementId, caller);
    response.setHeader('ETag', etagFor(agreement.version));
    return agreement;
  }

  @Get(':agreementId/terms')
  async termsOn(
    @Param('agreementId') agreementId: string,
    @Query() query: TermsOnDayQuery,
    @Caller() caller: RequestContext,
  ) {
    const agreement = await this.visible(agreementId, caller);
    const version = termsInForce(agreement, query.on);
    if (version === undefined) {
      throw new AgreementError(
        AgreementErrorCode.NoTermsOnDay,
        `No signed terms of agreement ${agreement.agreementId} applied on ${query.on}`,
      );
    }
    return { agreementId: agreement.agreementId, dealerId: agreement.dealerId, on: query.on, ...version };
  }

  @Put(':agreementId/versions')
  @RequireRoles(...divisionSetupRoles)
  async draft(
    @Param('agreementId') agreementId: string,
    @Body() body: DraftAgreementVersionRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = {
      dealerId: body.dealerId,
      terms: terms(body.terms),
      effectiveFrom: body.effectiveFrom,
      expiresOn: body.expiresOn,
    };
    const result = await this.draftVersion.execute(
      idParam('agreementId', agreementId),
      draft,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post(':agreementId/versions/:version/signature')
  @RequireRoles(...divisionSetupRoles)
  async sign(
    @Param('agreementId') agreementId: string,
    @Param('version') version: string,
    @Body() body: SignAgreementVersionRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const id = idParam('agreementId', agreementId);
    const signature = { version: versionParam(version), signedBy: body.signedBy, signedOn: body.signedOn };
    return answer(await this.signVersion.execute(id, signature, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':agreementId/versions/:version/withdrawal')
  @RequireRoles(...divisionSetupRoles)
  async withdraw(
    @Param('agreementId') agreementId: string,
    @Param('version') version: string,
    @Body() body: WithdrawAgreementDraftRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const id = idParam('agreementId', agreementId);
    const result = await this.withdrawDraft.execute(
      id,
      versionParam(version),
      body.reason,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }

  @Post(':agreementId/renewal')
  @RequireRoles(...divisionSetupRoles)
  async renew(
    @Param('agreementId') agreementId: string,
    @Body() body: RenewAgreementRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const renewal = {
      expiresOn: body.expiresOn,
      ...(body.terms === undefined ? {} : { terms: terms(body.terms) }),
      ...(body.effectiveFrom === undefined ? {} : { effectiveFrom: body.effectiveFrom }),
    };
    const id = idParam('agreementId', agreementId);
    return answer(await this.renewAgreement.execute(id, renewal, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':agreementId/termination')
  @RequireRoles(...divisionSetupRoles)
  async terminate(
    @Param('agreementId') agreementId: string,
    @Body() body: TerminateAgreementRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const id = idParam('agreementId', agreementId);
    const result = await this.terminateAgreement.execute(
      id,
      body.effectiveOn,
      body.reason,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }
}
