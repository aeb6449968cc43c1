import type { EntityManager } from 'typeorm';
import type { Logger } from './logger.js';
import { createMasterDataLoaders } from '../modules/masterdata/loaders.js';
import { createProgramLoaders } from '../modules/program/loaders.js';

export function createLoaders(em: EntityManager) {
  return { ...createMasterDataLoaders(em), ...createProgramLoaders(em) };
}
export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver and service gets for one request. */
export interface Context {
  requestId: string;
  log: Logger;
  /** Entity manager of the request; services open transactions from it. */
  em: EntityManager;
  loaders: Loaders;
}

export function createContext(em: EntityManager, log: Logger, requestId: string): Context {
  return { requestId, log, em, loaders: createLoaders(em) };
}
