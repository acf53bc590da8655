import { Body, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  organisationRoles,
  PageQuery,
  pageWindow,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { idParam } from '@salesos/http';
import { CompleteFollowUpHandler } from '../application/complete-follow-up.handler';
import { LogContactHandler } from '../application/log-contact.handler';
import { ReadContactsQuery } from '../application/read-contacts.query';
import type { ContactState } from '../domain/contact.decider';
import {
  CompleteFollowUpRequest,
  LogContactRequest,
  OverdueFollowUpsQuery,
  SilentDealersQuery,
} from './contact.request.dto';

/** A contact as the API shows it. */
function view(state: ContactState, version: number) {
  if (state.status === 'none') return { version };
  const { status: _status, ...contact } = state;
  return { ...contact, version };
}

/**
 * The communication log: meetings, calls, visits, trainings and emails with the division's dealers, and the
 * follow-ups they call for. The organisation logs and reads them; a dealer's users read their own dealer's log.
 */
@DivisionController('communications')
export class ContactsController {
  constructor(
    @Inject(LogContactHandler) private readonly logContact: LogContactHandler,
    @Inject(CompleteFollowUpHandler) private readonly completeFollowUp: CompleteFollowUpHandler,
    @Inject(ReadContactsQuery) private readonly contacts: ReadContactsQuery,
  ) {}

  @Post('dealers/:dealerId/contacts')
  @RequireRoles(...organisationRoles)
  @HttpCode(201)
  async log(
    @Param('dealerId') dealerId: string,
    @Body() body: LogContactRequest,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const entry = {
      kind: body.kind,
      happenedAt: body.happenedAt,
      summary: body.summary,
      outcome: body.outcome,
      ...(body.followUpDue === undefined ? {} : { followUpDue: body.followUpDue }),
    };
    const result = await this.logContact.execute(idParam('dealerId', dealerId), entry, caller);
    response.setHeader('ETag', etagFor(result.version));
    return view(result.state, result.version);
  }

  @Get('contacts/silent-dealers')
  @RequireRoles(...organisationRoles)
  async silent(@Query() query: SilentDealersQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.contacts.silent(caller, query.days ?? 30, query.today, offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('dealers/:dealerId/contacts')
  @RequireRoles(...organisationRoles, 'dealer')
  async list(@Param('dealerId') dealerId: string, @Query() query: PageQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const found = await this.contacts.ofDealer(idParam('dealerId', dealerId), caller, offset, pageSize);
    return { items: found.items.map(({ status: _status, ...contact }) => contact), page, pageSize, total: found.total };
  }

  @Get('contacts/follow-ups/overdue')
  @RequireRoles(...organisationRoles)
  async overdue(@Query() query: OverdueFollowUpsQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.contacts.overdue(caller, query.today, offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Post('contacts/:contactId/follow-up')
  @RequireRoles(...organisationRoles)
  @HttpCode(200)
  async complete(
    @Param('contactId') contactId: string,
    @Body() body: CompleteFollowUpRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.completeFollowUp.execute(
      idParam('contactId', contactId),
      { completedAt: body.completedAt, note: body.note },
      caller,
      expectedVersionFrom(ifMatch),
    );
    response.setHeader('ETag', etagFor(result.version));
    return view(result.state, result.version);
  }
}
