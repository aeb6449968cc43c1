import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review: assignment, decisions with reasons and goal assessments (append-only), a reopened
 * question, and comment threads anchored to a question or to the whole report.
 */
export class Review1732780800000 implements MigrationInterface {
  name = 'Review1732780800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report
        ADD COLUMN assigned_to uuid REFERENCES app_user (id),
        ADD COLUMN reopened_question_id uuid,
        ADD CONSTRAINT report_reopened_question_fk FOREIGN KEY (reopened_question_id, template_id) REFERENCES question (id, template_id),
        ADD CONSTRAINT report_reopened_only_when_returned CHECK (reopened_question_id IS NULL OR status IN ('CHANGES_REQUESTED', 'DRAFT'));
      CREATE INDEX report_assigned_idx ON report (assigned_to, status);
      CREATE INDEX report_submitted_idx ON report (status, submitted_at, id);

      CREATE TABLE report_decision (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id   uuid NOT NULL,
        template_id uuid NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('CHANGES_REQUESTED', 'APPROVED', 'QUESTION_REOPENED')),
        reason      text CHECK (reason IS NULL OR length(reason) <= 10000),
        question_id uuid,
        submission_id uuid REFERENCES submission (id),
        decided_by  uuid NOT NULL REFERENCES app_user (id),
        decided_at  timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (report_id, template_id) REFERENCES report (id, template_id),
        FOREIGN KEY (question_id, template_id) REFERENCES question (id, template_id),
        UNIQUE (id, report_id),
        -- Returning a report or reopening a question always says why.
        CHECK (kind = 'APPROVED' OR btrim(coalesce(reason, '')) <> ''),
        CHECK ((kind = 'QUESTION_REOPENED') = (question_id IS NOT NULL))
      );
      CREATE INDEX report_decision_report_idx ON report_decision (report_id, decided_at);

      CREATE TABLE goal_assessment (
        decision_id uuid NOT NULL,
        report_id   uuid NOT NULL,
        goal_id     uuid NOT NULL REFERENCES goal (id),
        rating      text NOT NULL CHECK (rating IN ('MET', 'PARTLY_MET', 'NOT_MET', 'NOT_ASSESSED')),
        motivation  text CHECK (motivation IS NULL OR length(motivation) <= 10000),
        PRIMARY KEY (decision_id, goal_id),
        FOREIGN KEY (decision_id, report_id) REFERENCES report_decision (id, report_id)
      );

      CREATE FUNCTION review_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER report_decision_append_only BEFORE UPDATE OR DELETE ON report_decision
        FOR EACH ROW EXECUTE FUNCTION review_append_only();
      CREATE TRIGGER goal_assessment_append_only BEFORE UPDATE OR DELETE ON goal_assessment
        FOR EACH ROW EXECUTE FUNCTION review_append_only();

      CREATE TABLE comment_thread (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id    uuid NOT NULL,
        template_id  uuid NOT NULL,
        question_id  uuid,
        created_by   uuid NOT NULL REFERENCES app_user (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        -- The answer when the thread started, to show whether it changed since.
        answer_at_start jsonb,
        resolved_at  timestamptz,
        resolved_by  uuid REFERENCES app_user (id),
        version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
        FOREIGN KEY (report_id, template_id) REFERENCES report (id, template_id),
        FOREIGN KEY (question_id, template_id) REFERENCES question (id, template_id),
        CHECK ((resolved_at IS NULL) = (resolved_by IS NULL))
      );
      CREATE INDEX comment_thread_report_idx ON comment_thread (report_id, created_at);

      CREATE TABLE comment (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id   uuid NOT NULL REFERENCES comment_thread (id),
        author_id   uuid NOT NULL REFERENCES app_user (id),
        author_role text NOT NULL CHECK (author_role IN ('ADMIN', 'REVIEWER', 'PROVIDER')),
        body        text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 10000),
        created_at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX comment_thread_idx ON comment (thread_id, created_at);
      CREATE TRIGGER comment_append_only BEFORE UPDATE OR DELETE ON comment
        FOR EACH ROW EXECUTE FUNCTION review_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE comment;
      DROP TABLE comment_thread;
      DROP TABLE goal_assessment;
      DROP TABLE report_decision;
      DROP FUNCTION review_append_only();
      DROP INDEX report_submitted_idx;
      DROP INDEX report_assigned_idx;
      ALTER TABLE report DROP CONSTRAINT report_reopened_only_when_returned, DROP CONSTRAINT report_reopened_question_fk,
        DROP COLUMN reopened_question_id, DROP COLUMN assigned_to;
    `);
  }
}
