import { MasterDataAndProgram1732435200000 } from './1732435200000-MasterDataAndProgram.js';

/** All migrations in order. New migrations are added at the end. */
export const migrations = [MasterDataAndProgram1732435200000];
