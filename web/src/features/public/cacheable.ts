/**
 * Published results are the same for everyone: these queries go as GET, so the server may let
 * browsers and shared caches keep the answer a minute (Cache-Control: public). The extra header
 * satisfies the server's CSRF prevention for GET. Never for anything personal: the tracking-code
 * lookup stays a POST, so no code ends up in an address or a log.
 */
export const CACHEABLE = {
  context: { fetchOptions: { method: 'GET' }, headers: { 'apollo-require-preflight': 'true' } },
} as const;
