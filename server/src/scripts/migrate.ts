import 'reflect-metadata';
import { loadConfig } from '../app/config.js';
import { resolveDatabase } from '../app/database.js';
import { createLogger } from '../app/logger.js';
import { createDataSource, migrate } from '../db/data-source.js';
import { loadDemoRegion } from '../db/seed/demo.js';

/** Applies migrations (and the demo region when INSYN_DEMO=1) and exits: for deployments. */
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL);
const database = await resolveDatabase(config, log);
const ds = createDataSource(database.url, log);
try {
  await ds.initialize();
  const applied = await migrate(ds);
  log.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
  if (process.argv.includes('--revert')) {
    await ds.undoLastMigration({ transaction: 'each' });
    log.info('last migration reverted');
  }
  if (config.loadDemo) log.info({ result: await loadDemoRegion(ds) }, 'demo region');
} finally {
  await ds.destroy();
  await database.embedded?.stop();
}
