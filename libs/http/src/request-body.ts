import { BadRequestException, HttpException } from '@nestjs/common';
import { type ProblemDetails, type ProblemMapper, problemType } from './problem-details';

/** A request body of a media type, encoding or charset the operation does not take (415). */
export class UnsupportedMediaTypeError extends Error {
  constructor(
    /** The header that names what was sent: `Content-Type` or `Content-Encoding`. */
    readonly header: 'Content-Type' | 'Content-Encoding',
    message: string,
  ) {
    super(message);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** What the body parser leaves on the errors it raises (http-errors). */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
  limit?: unknown;
  length?: unknown;
}

const unsupported = (header: 'Content-Type' | 'Content-Encoding', message: string): ProblemDetails => ({
  type: problemType('unsupported-media-type'),
  title: 'The request body is not of a kind this operation takes',
  status: 415,
  detail: `${header} ${message}`,
  errors: [{ field: header, message }],
});

const invalid = (field: string, message: string): ProblemDetails => ({
  type: problemType('validation'),
  title: 'The request is not valid',
  status: 400,
  detail: `${field}: ${message}`,
  errors: [{ field, message }],
});

/**
 * What Nest makes of the errors a request meets before its route: the body parser's `SyntaxError` (the JSON does not
 * parse) and the router's `URIError` (a path parameter that is not percent-encoded UTF-8) arrive as a bare
 * `BadRequestException` with the original message; the platform's own code never throws one.
 */
function externalBadRequest(error: BadRequestException): ProblemDetails {
  return error.message.startsWith('Failed to decode param')
    ? invalid('path', 'is not valid percent-encoded UTF-8')
    : invalid('body', 'is not valid JSON');
}

/**
 * The errors of reading a request before any route sees it, as problems: the body parser's (size, encoding, charset,
 * JSON syntax, a body that ends early or does not match its length, a compressed body that is not) and the
 * router's. Their messages are not passed on: they may quote the request.
 */
export const requestBodyProblems: ProblemMapper = (error) => {
  if (error instanceof UnsupportedMediaTypeError) return unsupported(error.header, error.message);
  if (error instanceof BadRequestException && error.constructor === BadRequestException) {
    return externalBadRequest(error);
  }
  if (!(error instanceof Error) || error instanceof HttpException) return undefined;
  const { status, type, limit } = error as BodyParserError;
  switch (type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return {
        type: problemType('payload-too-large'),
        title: 'The request body is too large',
        status: 413,
        detail:
          typeof limit === 'number'
            ? `The request body is larger than the ${limit} bytes this API takes`
            : 'The request body has more parameters than this API takes',
      };
    case 'encoding.unsupported':
      return unsupported('Content-Encoding', 'must be identity, gzip, deflate or br');
    case 'charset.unsupported':
      return unsupported('Content-Type', 'must name the charset utf-8, or none');
    case 'request.aborted':
      return invalid('body', 'ended before all of it arrived');
    case 'request.size.invalid':
      return invalid('Content-Length', 'does not match the length of the body');
    default:
  }
  // What is left of the body parser's refusals: a body that does not decompress (gzip, deflate or brotli) as its
  // Content-Encoding says, or a stream that breaks.
  if (status === 400) return invalid('body', 'could not be read as its Content-Encoding says');
  return undefined;
};
