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
  record(): void {
    this.total++;
    const scope = requestScope.getStore();
    if (scope) scope.sqlStatements++;
  },
};
