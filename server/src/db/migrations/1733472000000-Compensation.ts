import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Compensation1733472000000 implements MigrationInterface {
  name = 'Compensation1733472000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
