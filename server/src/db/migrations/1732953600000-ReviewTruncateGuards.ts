import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Decisions, assessments and comments refuse TRUNCATE too, like submissions and the audit trail. */
export class ReviewTruncateGuards1732953600000 implements MigrationInterface {
  name = 'ReviewTruncateGuards1732953600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER report_decision_no_truncate BEFORE TRUNCATE ON report_decision FOR EACH STATEMENT EXECUTE FUNCTION review_append_only();
      CREATE TRIGGER goal_assessment_no_truncate BEFORE TRUNCATE ON goal_assessment FOR EACH STATEMENT EXECUTE FUNCTION review_append_only();
      CREATE TRIGGER comment_no_truncate BEFORE TRUNCATE ON comment FOR EACH STATEMENT EXECUTE FUNCTION review_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER comment_no_truncate ON comment;
      DROP TRIGGER goal_assessment_no_truncate ON goal_assessment;
      DROP TRIGGER report_decision_no_truncate ON report_decision;
    `);
  }
}
