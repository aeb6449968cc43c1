import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned governing document: the equal-conditions rules (RS/383/2021) with their conditions, one version per decision. */
export class ConditionsVersions1733299200000 implements MigrationInterface {
  name = 'ConditionsVersions1733299200000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
