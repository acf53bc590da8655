export enum ChannelErrorCode {
  NotFound = 'CHANNEL_NOT_FOUND',
  UnknownReference = 'CHANNEL_UNKNOWN_REFERENCE',
  InvalidDefinition = 'CHANNEL_INVALID_DEFINITION',
  KindFixed = 'CHANNEL_KIND_FIXED',
  Retired = 'CHANNEL_RETIRED',
}

/** A channel that does not exist, a definition that contradicts itself, or a change the channel's history forbids. */
export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    /** The request field at fault, for a 400 naming it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
