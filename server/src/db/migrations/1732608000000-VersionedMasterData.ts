import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned saves for choice systems, like every other editable master-data table. */
export class VersionedMasterData1732608000000 implements MigrationInterface {
  name = 'VersionedMasterData1732608000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE choice_system
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE choice_system DROP COLUMN version, DROP COLUMN created_at, DROP COLUMN updated_at`);
  }
}
