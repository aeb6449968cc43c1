import 'reflect-metadata';
import { ConfigError, loadConfig } from './app/config.js';
import { createLogger } from './app/logger.js';
import { startInsyn } from './app/insyn.js';
import { demoLogins } from './db/seed/demo.js';
import { DEMO_PASSWORD } from './db/seed/demo-data.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const insyn = await startInsyn(config, log);

  const lines = [
    '',
    `  Insyn is running: ${insyn.url}/`,
    `  GraphQL API:      ${insyn.url}/graphql   (GraphiQL: ${insyn.url}/graphiql)`,
    `  Health:           ${insyn.url}/healthz`,
    `  Database:         ${insyn.database.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  const logins = insyn.demoLoaded ? await demoLogins(insyn.ds) : [];
  if (logins.length) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of logins) lines.push(`    ${l}`);
  } else if (insyn.demoLoaded) {
    lines.push('  Demo region loaded (illustrative names and figures).');
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    insyn
      .stop()
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Insyn could not start:', error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack && process.env.LOG_LEVEL === 'debug') console.error(error.stack);
  process.exit(1);
});
