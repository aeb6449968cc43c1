import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that deep layers (the SQL logger) may need without threading them through. */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** Counts every SQL statement, per request and in total (tests read the total). */
export const sqlCounter = {
  total: 0,
  /** When set, every statement's text is added to it (tests read which tables a request touched). */
  captured: null as string[] | null,
  record(query: string): void {
    this.total++;
    this.captured?.push(query);
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements++;
  },
};
