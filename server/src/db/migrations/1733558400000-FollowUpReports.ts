import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUpReports1733558400000 implements MigrationInterface {
  name = 'FollowUpReports1733558400000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
