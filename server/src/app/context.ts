import type { Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Viewer } from '../common/auth.js';
import { createMasterDataLoaders } from '../modules/masterdata/loaders.js';
import { createProgramLoaders } from '../modules/program/loaders.js';
import { createIdentityLoaders } from '../modules/identity/loaders.js';
import { createReportingLoaders } from '../modules/reporting/loaders.js';
import { createReviewLoaders } from '../modules/review/loaders.js';
import { resolveViewer } from '../modules/identity/authenticate.js';

export function createLoaders(em: EntityManager) {
  return { ...createMasterDataLoaders(em), ...createProgramLoaders(em), ...createIdentityLoaders(em), ...createReportingLoaders(em), ...createReviewLoaders(em) };
}
export type Loaders = ReturnType<typeof createLoaders>;

/**
 * The viewer is looked up on first use, so that a request refused before execution (a query
 * over the limits, a syntax error) runs no SQL at all.
 */
export interface AuthState {
  viewer(): Promise<Viewer | null>;
  /** After login or logout. */
  set(viewer: Viewer | null): void;
}

/** What every resolver and service gets for one request. */
export interface Context {
  requestId: string;
  log: Logger;
  /** Entity manager of the request; services open transactions from it. */
  em: EntityManager;
  loaders: Loaders;
  auth: AuthState;
  config: Config;
  /** The HTTP exchange (absent when an operation runs outside HTTP). */
  req?: Request;
  res?: Response;
  /** The client's address, for login rate limits. */
  ip: string;
}

export function createContext(options: {
  em: EntityManager;
  log: Logger;
  requestId: string;
  config: Config;
  req?: Request;
  res?: Response;
}): Context {
  const { em, log, requestId, config, req, res } = options;
  let pending: Promise<Viewer | null> | null = null;
  const ctx: Context = {
    requestId,
    log,
    em,
    config,
    req,
    res,
    ip: req?.ip ?? 'local',
    loaders: createLoaders(em),
    auth: {
      viewer: () => (pending ??= req ? resolveViewer(em, req, config) : Promise.resolve(null)),
      set: (viewer) => {
        pending = Promise.resolve(viewer);
      },
    },
  };
  return ctx;
}
