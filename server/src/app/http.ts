import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { Logger } from './logger.js';
import { requestScope } from './request-scope.js';
import { getSchema } from './schema.js';
import { formatError } from '../common/errors.js';
import { attachmentRoutes, attachmentStore } from '../modules/reporting/attachments.js';
import { factRoutes } from '../modules/bi/export.js';
import { publicCachePlugin } from '../modules/results/cache.js';

export interface HttpApp {
  app: express.Express;
  server: http.Server;
  apollo: ApolloServer<Context>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      requestId: string;
    }
  }
}

/** Builds the HTTP app: security headers, health, GraphQL, GraphiQL and the SPA. Does not listen. */
export async function createHttpApp(config: Config, ds: DataSource, log: Logger): Promise<HttpApp> {
  const app = express();
  const server = http.createServer(app);
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', true);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    req.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    requestScope.run({ requestId: req.requestId, sqlStatements: 0 }, next);
  });

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req) => (req as unknown as Request).requestId,
      serializers: {
        // A GraphQL GET carries the operation and its variables (a tracking code, say) in the query string: never logged.
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.startsWith('/graphql?') ? '/graphql?[redacted]' : req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessObject: (_req, _res, value: Record<string, unknown>) => ({
        ...value,
        sqlStatements: requestScope.getStore()?.sqlStatements ?? 0,
      }),
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: config.production ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  // Limits checked while validating, before anything executes (and before any SQL).
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    // Every alias counts, __typename too (graphql-armor lets any number of those through by default).
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, allowList: [] },
    // Tokens are limited by the parser itself (parseOptions below): armor's token plugin throws
    // from a plugin hook, which Apollo answers with HTTP 500 as if the server had failed.
    maxTokens: { enabled: false },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: true,
    // Insyn stops in order itself (HTTP, jobs, pool, database) on SIGINT and SIGTERM.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // Public answers to GET queries may be cached; everything else is no-store (see publicCachePlugin).
      ApolloServerPluginCacheControlDisabled(),
      publicCachePlugin(),
      {
        // A request with a token or session is authenticated once it passed validation, so a
        // revoked or unknown API token is refused whatever the operation.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue }) {
              if (contextValue.req?.header('authorization')) await contextValue.auth.viewer();
            },
          };
        },
      },
    ],
    formatError: (formatted, error) =>
      formatError(formatted, requestScope.getStore()?.requestId, () =>
        log.error({ err: error, requestId: requestScope.getStore()?.requestId }, 'unexpected error in GraphQL'),
      ),
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: config.BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext({ em: ds.manager, log: log.child({ requestId: req.requestId }), requestId: req.requestId, config, req, res }),
    }),
  );

  app.use('/attachments', attachmentRoutes(config, ds, log, attachmentStore(config)));
  // Fact downloads: the BI export (token or session) and the public open data.
  app.use(factRoutes(config, ds, log));

  // The SPA and the bundled GraphiQL, both built by web/ (nothing is fetched from elsewhere).
  const index = path.join(config.webDist, 'index.html');
  const graphiql = path.join(config.webDist, 'graphiql.html');
  app.get('/graphiql', (_req, res) => sendBuilt(res, graphiql));
  app.use(express.static(config.webDist, { index: false, maxAge: '1h', setHeaders: cacheAssets }));
  app.get(/^\/(?!graphql|healthz|attachments|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    sendBuilt(res, index);
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err, requestId: req.requestId }, 'unexpected error');
    res.status(status).json({
      errors: [
        {
          message: status === 413 ? 'Request body too large' : status === 500 ? 'Internal server error' : 'Bad request',
          extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT', requestId: req.requestId },
        },
      ],
    });
  });

  return { app, server, apollo };
}

function sendBuilt(res: Response, file: string): void {
  if (!fs.existsSync(file)) {
    res.status(503).type('text/plain').send('The web app is not built. Run the start command from the README.');
    return;
  }
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(file);
}

function cacheAssets(res: Response, file: string): void {
  // Vite names assets by content hash: they never change under the same name.
  if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
