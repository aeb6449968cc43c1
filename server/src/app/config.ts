import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

/** Every environment variable Insyn reads. The README's configuration table mirrors this. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  INSYN_DATA_DIR: z.string().min(1).default('.data'),
  INSYN_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  INSYN_DEMO: bool.optional(),
  INSYN_WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_INTROSPECTION: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(30),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(200000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: bool.default(false),
  MAIL_FROM: z.string().min(3).default('Insyn <insyn@insyn.example>'),
  REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'must be days before the due date, e.g. 14,3')
    .default('14,3')
    .transform((v) => v.split(',').map(Number)),
  REVIEW_DEADLINE_DAYS: z.coerce.number().int().min(1).default(30),
  JOBS_ENABLED: bool.default(true),
});

export type Config = z.infer<typeof schema> & {
  /** Absolute directory with the built SPA. */
  webDist: string;
  /** Absolute data directory for the embedded PostgreSQL. */
  dataDir: string;
  introspection: boolean;
  production: boolean;
  loadDemo: boolean;
};

export class ConfigError extends Error {}

/**
 * Reads and checks the environment once at start. A wrong value stops the
 * process with one readable line per problem rather than failing later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable (FOO= in an env file) counts as unset.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const root = findRepoRoot(cwd);
  const production = c.NODE_ENV === 'production';
  return {
    ...c,
    webDist: path.resolve(root, c.INSYN_WEB_DIST ?? 'web/dist'),
    dataDir: path.resolve(root, c.INSYN_DATA_DIR),
    introspection: c.GRAPHQL_INTROSPECTION ?? !production,
    production,
    // Demo data: always with the embedded database, with DATABASE_URL only when asked.
    loadDemo: c.INSYN_DEMO ?? !c.DATABASE_URL,
  };
}

/** The monorepo root (where pnpm-workspace.yaml lives), or cwd when run elsewhere. */
function findRepoRoot(start: string): string {
  // server/dist/... and server/ both resolve to the workspace root.
  const here = path.resolve(start);
  if (path.basename(here) === 'server') return path.dirname(here);
  return here;
}
