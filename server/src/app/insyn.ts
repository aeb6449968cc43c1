import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { resolveDatabase, type DatabaseTarget } from './database.js';
import { createHttpApp, type HttpApp } from './http.js';
import type { Logger } from './logger.js';
import { createDataSource, migrate } from '../db/data-source.js';
import { loadDemoRegion } from '../db/seed/demo.js';
import { attachmentStore } from '../modules/reporting/attachments.js';
import { startJobs } from '../modules/notifications/jobs.js';

export interface RunningInsyn {
  url: string;
  port: number;
  ds: DataSource;
  http: HttpApp;
  database: DatabaseTarget;
  demoLoaded: boolean;
  stop(): Promise<void>;
}

/** Starts the database (embedded or given), migrates, seeds the demo when asked, and listens. */
export async function startInsyn(config: Config, log: Logger): Promise<RunningInsyn> {
  const database = await resolveDatabase(config, log);
  const ds = createDataSource(database.url, log, config.DATABASE_POOL_SIZE);
  try {
    await ds.initialize();
    const applied = await migrate(ds);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    let demoLoaded = false;
    if (config.loadDemo) {
      const result = await loadDemoRegion(ds, attachmentStore(config));
      demoLoaded = true;
      log.info({ result }, result === 'loaded' ? 'demo region loaded' : 'demo region already present');
    }
    const http = await createHttpApp(config, ds, log);
    const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    const jobs = config.JOBS_ENABLED ? await startJobs(config, database.url, ds, log, publicUrl) : null;
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (http.server.address() as AddressInfo).port;
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await Promise.race([http.apollo.stop(), delay(config.SHUTDOWN_TIMEOUT_MS)]);
        http.server.closeAllConnections();
        await jobs?.stop().catch((err: unknown) => log.warn({ err }, 'stopping the job queue'));
        await ds.destroy().catch((err: unknown) => log.warn({ err }, 'closing the pool'));
        await database.embedded?.stop();
      })());
    return { url, port, ds, http, database, demoLoaded, stop };
  } catch (error) {
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    await database.embedded?.stop();
    throw error;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
