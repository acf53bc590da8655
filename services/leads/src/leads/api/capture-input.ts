import type { CaptureLeadInput } from '../application/capture-lead.handler';
import type { CaptureLeadRequest } from './capture-lead.request.dto';

/** DTO instances become plain data here: events hold only plain JSON. */
export function toCaptureInput(body: CaptureLeadRequest): CaptureLeadInput {
  const { contact, company, estimatedValue } = body;
  return {
    source: body.source,
    ...(body.campaign === undefined ? {} : { campaign: body.campaign }),
    contact: {
      name: contact.name,
      ...(contact.email === undefined ? {} : { email: contact.email }),
      ...(contact.phone === undefined ? {} : { phone: contact.phone }),
    },
    company: {
      name: company.name,
      ...(company.industry === undefined ? {} : { industry: company.industry }),
      ...(company.sizeBand === undefined ? {} : { sizeBand: company.sizeBand }),
    },
    ...(body.territory === undefined ? {} : { territory: body.territory }),
    ...(estimatedValue === undefined
      ? {}
      : { estimatedValue: { amount: estimatedValue.amount, currency: estimatedValue.currency } }),
    needTags: [...(body.needTags ?? [])],
    force: body.force ?? false,
  };
}
