import './pg-types.js';
import { DataSource } from 'typeorm';
import type { Logger } from '../app/logger.js';
import { masterData } from '../modules/masterdata/index.js';
import { program } from '../modules/program/index.js';
import { identity } from '../modules/identity/index.js';
import { audit } from '../modules/audit/audit.js';
import { reporting } from '../modules/reporting/index.js';
import { review } from '../modules/review/index.js';
import { notifications } from '../modules/notifications/resolver.js';
import { publication } from '../modules/publication/index.js';
import { results } from '../modules/results/index.js';
import { bi } from '../modules/bi/index.js';
import { insightRequests } from '../modules/insight-requests/index.js';
import { conditions } from '../modules/conditions/index.js';
import { lastResort } from '../modules/last-resort/index.js';
import { compensation } from '../modules/compensation/index.js';
import { followUp } from '../modules/follow-up/index.js';
import { migrations } from './migrations/index.js';
import { SqlLogger } from './sql-logger.js';

export const entities = [...masterData.entities, ...program.entities, ...identity.entities, ...audit.entities, ...reporting.entities, ...review.entities, ...notifications.entities, ...publication.entities, ...results.entities, ...bi.entities, ...insightRequests.entities, ...conditions.entities, ...lastResort.entities, ...compensation.entities, ...followUp.entities];

export function createDataSource(url: string, log: Logger, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...entities],
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    logging: true,
    logger: new SqlLogger(log),
    maxQueryExecutionTime: 500,
    extra: { max: poolSize, application_name: 'insyn' },
  });
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
