import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Insight requests (insynsbegäran) from the public. */
export class InsightRequests1733126400000 implements MigrationInterface {
  name = 'InsightRequests1733126400000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
