import { codedProblems } from '@salesos/http';
import { ChannelError, ChannelErrorCode } from '../domain/channel.errors';

/** The one mapping of channel errors to HTTP; a refusal about a request field names it. */
export const channelProblems = codedProblems(ChannelError, {
  [ChannelErrorCode.NotFound]: { title: 'Channel not found', status: 404 },
  [ChannelErrorCode.UnknownReference]: { title: 'The request names a channel its division does not have', status: 400 },
  [ChannelErrorCode.InvalidDefinition]: { title: 'The channel contradicts itself', status: 400 },
  [ChannelErrorCode.KindFixed]: { title: "A channel's kind cannot change", status: 409 },
  [ChannelErrorCode.Retired]: { title: 'The channel is retired', status: 409 },
});
