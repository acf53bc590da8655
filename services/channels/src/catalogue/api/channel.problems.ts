import { type ProblemDetails, type ProblemMapper, problemTypeForCode } from '@salesos/http';
import { ChannelError, ChannelErrorCode } from '../domain/channel.errors';

const titles: Record<ChannelErrorCode, { title: string; status: number }> = {
  [ChannelErrorCode.NotFound]: { title: 'Channel not found', status: 404 },
  [ChannelErrorCode.UnknownReference]: { title: 'The request names a channel its division does not have', status: 400 },
  [ChannelErrorCode.InvalidDefinition]: { title: 'The channel contradicts itself', status: 400 },
  [ChannelErrorCode.KindFixed]: { title: "A channel's kind cannot change", status: 409 },
  [ChannelErrorCode.Retired]: { title: 'The channel is retired', status: 409 },
};

/** The one mapping of channel errors to HTTP; a refusal about a request field names it. */
export const channelProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof ChannelError)) return undefined;
  const { title, status } = titles[error.code];
  return {
    type: problemTypeForCode(error.code),
    title,
    status,
    detail: error.field === undefined ? error.message : `${error.field} ${error.message}`,
    code: error.code,
    ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
  };
};
