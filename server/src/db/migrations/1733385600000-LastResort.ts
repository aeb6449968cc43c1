import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Last-resort responsibility: obligations per municipality and choice system, listed persons per unit and year. */
export class LastResort1733385600000 implements MigrationInterface {
  name = 'LastResort1733385600000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
