import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, type FieldError } from '@insyn/shared';

export function badUserInput(fields: FieldError[], message = 'Invalid input'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
}

export function badField(path: string, message: string): GraphQLError {
  return badUserInput([{ path, message }], message);
}

export function notFound(what = 'Object'): GraphQLError {
  return new GraphQLError(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function conflict(currentVersion: number, message = 'The object was changed by someone else'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, currentVersion } });
}

const PUBLIC_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
]);

/** Apollo's own codes for requests that never reached a resolver: the client sent something wrong. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Shapes every error sent to a client: the documented codes with their messages; anything
 * else becomes INTERNAL_SERVER_ERROR with a request id and nothing of SQL or stack traces.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  requestId: string | undefined,
  onInternal: (formatted: GraphQLFormattedError) => void,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  if (PUBLIC_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (code === ErrorCode.BAD_USER_INPUT && !Array.isArray(extensions.fields)) {
      extensions.fields = formatted.path ? [{ path: formatted.path.join('.'), message: formatted.message }] : [];
    }
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (REQUEST_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code, fields: [] },
    };
  }
  onInternal(formatted);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
  };
}
