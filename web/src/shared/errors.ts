import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode } from '@insyn/shared';

/** True when the API answered that the object does not exist (or may not be seen). */
export function isNotFound(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === ErrorCode.NOT_FOUND)
  );
}
