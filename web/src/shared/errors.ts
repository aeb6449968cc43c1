import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode } from '@insyn/shared';

/** True when the API answered that the object does not exist (or may not be seen). */
export function isNotFound(error: unknown): boolean {
  return hasErrorCode(error, ErrorCode.NOT_FOUND);
}

/** True when the API answered with a GraphQL error of this code. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === code);
}
