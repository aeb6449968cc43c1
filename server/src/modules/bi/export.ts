import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@insyn/shared';
import type { Config } from '../../app/config.js';
import { createContext } from '../../app/context.js';
import type { Logger } from '../../app/logger.js';
import { badField } from '../../common/errors.js';
import { checkFilter, FACT_COLUMNS, factsQuery, type CheckedFilter, type FactFilterInput, type FactRow, type Sql } from './facts.js';
import { biAccess } from './service.js';

/**
 * Downloads of the facts, streamed row by row from a server-side cursor (memory does not grow
 * with the result; a slow reader slows the cursor down):
 * - `GET /export/facts.csv`: the BI facts with the filters of `indicatorFacts` as query parameters,
 *   for an ANALYST token (`Authorization: Bearer …`) or the region's session;
 * - `GET /open-data/facts.csv|json`: the published facts for anyone, suppression always applied,
 *   under CC0 1.0; `GET /open-data/columns.json` describes the columns.
 */

export const LICENCE = {
  name: 'CC0 1.0 Universal (Public Domain Dedication)',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  sv: 'Fri att använda, ändra och sprida utan villkor. Värden som bygger på färre än 5 fall visas inte (suppressed).',
  en: 'Free to use, adapt and share without conditions. Values resting on fewer than 5 cases are withheld (suppressed).',
};

const COLUMN_TEXT = FACT_COLUMNS.map(({ name, type, beskrivning, description }) => ({ name, type, beskrivning, description }));

/** Query parameters of each download; anything else is refused (a misspelt filter would silently not filter). */
const LIST_PARAMS = ['indicatorCodes', 'periods', 'municipalityCodes', 'ownership', 'providerIds'] as const;
const EXPORT_PARAMS = new Set<string>([...LIST_PARAMS, 'publishedOnly', 'updatedAfter']);
const OPEN_PARAMS = new Set<string>([...LIST_PARAMS, 'updatedAfter']);

function fail(res: Response, status: number, code: string, message: string, fields?: { path: string; message: string }[]): void {
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).json({ errors: [{ message, extensions: { code, ...(fields ? { fields } : {}) } }] });
}

function sendError(res: Response, error: unknown, log: Logger): void {
  if (res.headersSent) {
    log.error({ err: error }, 'fact download failed while streaming');
    res.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code);
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : 400;
    fail(res, status, code, error.message, error.extensions.fields as never);
    return;
  }
  log.error({ err: error }, 'fact download failed');
  fail(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/** The filter of a download from its query parameters (comma-separated lists); 400 naming the parameter otherwise. */
export function filterFromQuery(query: Request['query'], allowed: Set<string>): CheckedFilter {
  for (const name of Object.keys(query)) {
    if (!allowed.has(name)) throw badField(name, `Unknown parameter ${name}; use ${[...allowed].join(', ')}`);
  }
  const text = (name: string): string | null => {
    const raw = query[name];
    if (raw === undefined) return null;
    const parts = (Array.isArray(raw) ? raw : [raw]).map((v) => {
      if (typeof v !== 'string') throw badField(name, `Give ${name} as text`);
      return v;
    });
    return parts.join(',');
  };
  const input: Record<string, unknown> = {};
  for (const name of LIST_PARAMS) {
    const value = text(name);
    if (value !== null) {
      input[name] = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
  }
  const publishedOnly = text('publishedOnly');
  if (publishedOnly !== null) {
    if (publishedOnly !== 'true' && publishedOnly !== 'false') throw badField('publishedOnly', 'publishedOnly is true or false');
    input.publishedOnly = publishedOnly === 'true';
  }
  const updatedAfter = text('updatedAfter');
  if (updatedAfter !== null) {
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(updatedAfter) ? new Date(updatedAfter) : null;
    if (!at || Number.isNaN(at.getTime())) throw badField('updatedAfter', 'Give updatedAfter as ISO 8601 with a time zone, e.g. 2025-01-31T12:00:00Z');
    input.updatedAfter = at;
  }
  return checkFilter(input as FactFilterInput, '');
}

/** One CSV cell: RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const NUMERIC = new Set(['value', 'numerator', 'denominator', 'target']);
/** The published columns of a fact row, in order (numbers as numbers). */
function pick(row: FactRow): unknown[] {
  return FACT_COLUMNS.map(({ name }) => {
    const v = row[name];
    return NUMERIC.has(name) && v !== null && v !== undefined ? Number(v) : v;
  });
}

function csvTransform(): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: FactRow, _enc, done) {
      const header = first ? `${FACT_COLUMNS.map((c) => c.name).join(',')}\r\n` : '';
      first = false;
      done(null, `${header}${pick(row).map(csvCell).join(',')}\r\n`);
    },
    flush(done) {
      // An empty result is still a table: its header row.
      done(null, first ? `${FACT_COLUMNS.map((c) => c.name).join(',')}\r\n` : '');
    },
  });
}

function jsonTransform(): Transform {
  let first = true;
  const head = `{"licence":${JSON.stringify(LICENCE)},"columns":${JSON.stringify(COLUMN_TEXT)},"facts":[`;
  return new Transform({
    writableObjectMode: true,
    transform(row: FactRow, _enc, done) {
      const values = pick(row);
      const fact = Object.fromEntries(FACT_COLUMNS.map((c, i) => [c.name, values[i] ?? null]));
      const prefix = first ? `${head}\n` : ',\n';
      first = false;
      done(null, prefix + JSON.stringify(fact));
    },
    flush(done) {
      done(null, `${first ? head : '\n'}]}\n`);
    },
  });
}

/** Streams the query through a cursor of its own connection into the response, with backpressure. */
async function streamFacts(ds: DataSource, sql: Sql, format: Transform, res: Response): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    const rows = client.query(new QueryStream(sql.text, sql.params, { batchSize: 500, highWaterMark: 500 }));
    await pipeline(rows, format, res);
  } finally {
    await runner.release();
  }
}

export function factRoutes(config: Config, ds: DataSource, log: Logger): express.Router {
  const router = express.Router();

  router.get('/export/facts.csv', async (req: Request, res: Response) => {
    const ctx = createContext({ em: ds.manager, log: log.child({ requestId: req.requestId }), requestId: req.requestId, config, req, res });
    try {
      const { privileged } = await biAccess(ctx);
      const filter = filterFromQuery(req.query, EXPORT_PARAMS);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('Content-Disposition', `attachment; filename="insyn-facts.csv"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Link', '</open-data/columns.json>; rel="describedby"');
      await streamFacts(ds, factsQuery(filter, { privileged }), csvTransform(), res);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  const openData = (format: 'csv' | 'json') => async (req: Request, res: Response) => {
    try {
      // Open data is the published facts with suppression, whoever asks (no session is read).
      const filter = { ...filterFromQuery(req.query, OPEN_PARAMS), publishedOnly: true };
      res.status(200);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Link', `<${LICENCE.url}>; rel="license", </open-data/columns.json>; rel="describedby"`);
      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
        res.setHeader('Content-Disposition', `attachment; filename="insyn-oppna-data.csv"`);
      } else {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="insyn-oppna-data.json"`);
      }
      await streamFacts(ds, factsQuery(filter, { privileged: false }), format === 'csv' ? csvTransform() : jsonTransform(), res);
    } catch (error) {
      sendError(res, error, log);
    }
  };
  router.get('/open-data/facts.csv', openData('csv'));
  router.get('/open-data/facts.json', openData('json'));
  router.get('/open-data/columns.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json({ licence: LICENCE, columns: COLUMN_TEXT, csv: '/open-data/facts.csv', json: '/open-data/facts.json' });
  });
  return router;
}
