import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../app/logger.js';
import { requestScope, sqlCounter } from '../app/request-scope.js';

/** Counts every statement (per request and in total) and sends TypeORM's messages to pino. */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(query: string): void {
    sqlCounter.record(query);
    if (this.out.isLevelEnabled('trace')) {
      this.out.trace({ requestId: requestScope.getStore()?.requestId, query }, 'sql');
    }
  }
  logQueryError(error: string | Error, query: string): void {
    this.out.warn({ requestId: requestScope.getStore()?.requestId, err: error, query }, 'sql error');
  }
  logQuerySlow(time: number, query: string): void {
    this.out.warn({ requestId: requestScope.getStore()?.requestId, time, query }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.out.debug(message);
  }
  logMigration(message: string): void {
    this.out.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ message }, 'typeorm');
    else this.out.debug({ message }, 'typeorm');
  }
}
