import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up reporting: versioned report templates (frozen once published), follow-up rounds,
 * one report per agreement in scope, typed answers, append-only submissions with receipts, and
 * attachments. The database itself refuses edits of published templates and of submissions.
 */
export class FollowUpReporting1732694400000 implements MigrationInterface {
  name = 'FollowUpReporting1732694400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_template (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id    uuid NOT NULL,
        name         text NOT NULL CHECK (btrim(name) <> ''),
        name_en      text,
        service_area text NOT NULL DEFAULT 'ALL' CHECK (service_area IN ('PRIMARY_CARE', 'DENTAL_CARE', 'ALL')),
        template_version integer NOT NULL CHECK (template_version > 0),
        status       text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
        published_at timestamptz,
        version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (family_id, template_version),
        CHECK (status = 'DRAFT' OR published_at IS NOT NULL)
      );
      -- One draft at a time per template family.
      CREATE UNIQUE INDEX report_template_one_draft ON report_template (family_id) WHERE status = 'DRAFT';

      CREATE TABLE template_section (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES report_template (id),
        position    integer NOT NULL CHECK (position >= 0),
        title       text NOT NULL CHECK (btrim(title) <> ''),
        title_en    text,
        UNIQUE (template_id, position),
        UNIQUE (id, template_id)
      );

      CREATE TABLE question (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id  uuid NOT NULL,
        section_id   uuid NOT NULL,
        position     integer NOT NULL CHECK (position >= 0),
        code         text NOT NULL CHECK (btrim(code) <> ''),
        text         text NOT NULL CHECK (btrim(text) <> ''),
        text_en      text,
        help         text,
        help_en      text,
        type         text NOT NULL CHECK (type IN ('BOOLEAN', 'INTEGER', 'DECIMAL', 'PERCENT', 'TEXT', 'SINGLE_CHOICE',
                                                   'MULTI_CHOICE', 'DATE', 'ATTACHMENT', 'INDICATOR_VALUE')),
        required     boolean NOT NULL DEFAULT false,
        options      jsonb,
        min_value    numeric,
        max_value    numeric,
        unit_label   text,
        goal_id      uuid REFERENCES goal (id),
        guideline_id uuid REFERENCES guideline (id),
        indicator_id uuid REFERENCES indicator (id),
        FOREIGN KEY (section_id, template_id) REFERENCES template_section (id, template_id),
        UNIQUE (template_id, code),
        UNIQUE (section_id, position),
        UNIQUE (id, template_id),
        CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
        CHECK ((type IN ('SINGLE_CHOICE', 'MULTI_CHOICE')) = (options IS NOT NULL AND jsonb_typeof(options) = 'array' AND jsonb_array_length(options) > 0)),
        CHECK (type = 'INDICATOR_VALUE' OR indicator_id IS NULL OR type IN ('DECIMAL', 'PERCENT', 'INTEGER')),
        CHECK (type <> 'INDICATOR_VALUE' OR indicator_id IS NOT NULL)
      );
      CREATE INDEX question_template_idx ON question (template_id, position);
      CREATE INDEX question_goal_idx ON question (goal_id);
      CREATE INDEX question_guideline_idx ON question (guideline_id);
      CREATE INDEX question_indicator_idx ON question (indicator_id);

      -- A published (or retired) template is frozen: its sections and questions cannot change.
      CREATE FUNCTION template_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tid uuid; st text;
      BEGIN
        tid := CASE WHEN TG_OP = 'DELETE' THEN OLD.template_id ELSE NEW.template_id END;
        SELECT status INTO st FROM report_template WHERE id = tid;
        IF st IS DISTINCT FROM 'DRAFT' THEN
          RAISE EXCEPTION 'template % is % and cannot be changed', tid, st USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.template_id <> NEW.template_id THEN
          RAISE EXCEPTION 'content does not move between templates' USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END;
      $$;
      CREATE TRIGGER template_section_frozen BEFORE INSERT OR UPDATE OR DELETE ON template_section
        FOR EACH ROW EXECUTE FUNCTION template_content_frozen();
      CREATE TRIGGER question_frozen BEFORE INSERT OR UPDATE OR DELETE ON question
        FOR EACH ROW EXECUTE FUNCTION template_content_frozen();

      CREATE FUNCTION report_template_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'DRAFT' THEN RAISE EXCEPTION 'a published template is never deleted' USING ERRCODE = 'check_violation'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'PUBLISHED' AND NOT (NEW.status IN ('PUBLISHED', 'RETIRED') AND NEW.name = OLD.name
             AND NEW.template_version = OLD.template_version AND NEW.family_id = OLD.family_id) THEN
          RAISE EXCEPTION 'a published template is frozen; make a new version' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'RETIRED' AND NEW.status <> 'RETIRED' THEN
          RAISE EXCEPTION 'a retired template stays retired' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER report_template_frozen BEFORE UPDATE OR DELETE ON report_template
        FOR EACH ROW EXECUTE FUNCTION report_template_frozen();

      CREATE TABLE follow_up_round (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name             text NOT NULL CHECK (btrim(name) <> ''),
        period           text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|H[1-2]|Q[1-4]|M(0[1-9]|1[0-2])))?$'),
        template_id      uuid NOT NULL REFERENCES report_template (id),
        choice_system_id uuid REFERENCES choice_system (id),
        agreement_forms  text[] NOT NULL DEFAULT ARRAY['LOV', 'LOU', 'IN_HOUSE']::text[]
                         CHECK (cardinality(agreement_forms) > 0 AND agreement_forms <@ ARRAY['LOV', 'LOU', 'IN_HOUSE']::text[]),
        opens_at         timestamptz NOT NULL,
        due_at           timestamptz NOT NULL CHECK (due_at > opens_at),
        status           text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
        opened_at        timestamptz,
        version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'PLANNED' OR opened_at IS NOT NULL)
      );

      CREATE SEQUENCE report_reference_seq;
      CREATE SEQUENCE submission_reference_seq;

      CREATE TABLE report (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference    text NOT NULL UNIQUE,
        round_id     uuid NOT NULL REFERENCES follow_up_round (id),
        agreement_id uuid NOT NULL,
        provider_id  uuid NOT NULL,
        template_id  uuid NOT NULL REFERENCES report_template (id),
        status       text NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED')),
        version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
        due_at       timestamptz NOT NULL,
        submitted_at timestamptz,
        approved_at  timestamptz,
        published_at timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (agreement_id, provider_id) REFERENCES agreement (id, provider_id),
        UNIQUE (round_id, agreement_id),
        UNIQUE (id, template_id),
        CHECK (status IN ('NOT_STARTED', 'DRAFT') OR submitted_at IS NOT NULL)
      );
      CREATE INDEX report_provider_idx ON report (provider_id, due_at, id);
      CREATE INDEX report_round_idx ON report (round_id, status);
      CREATE INDEX report_status_due_idx ON report (status, due_at, id);

      CREATE TABLE answer (
        report_id    uuid NOT NULL,
        question_id  uuid NOT NULL,
        template_id  uuid NOT NULL,
        value        jsonb,
        note         text CHECK (note IS NULL OR length(note) <= 5000),
        confidentiality_requested boolean NOT NULL DEFAULT false,
        confidentiality_reason    text,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        updated_by   uuid REFERENCES app_user (id),
        PRIMARY KEY (report_id, question_id),
        -- An answer belongs to a question of the report's own template.
        FOREIGN KEY (report_id, template_id) REFERENCES report (id, template_id),
        FOREIGN KEY (question_id, template_id) REFERENCES question (id, template_id),
        CHECK (NOT confidentiality_requested OR btrim(coalesce(confidentiality_reason, '')) <> '')
      );

      CREATE TABLE attachment (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id   uuid NOT NULL REFERENCES report (id),
        question_id uuid NOT NULL REFERENCES question (id),
        file_name   text NOT NULL CHECK (btrim(file_name) <> '' AND length(file_name) <= 255),
        media_type  text NOT NULL,
        size        bigint NOT NULL CHECK (size > 0),
        sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  uuid NOT NULL REFERENCES app_user (id),
        deleted_at  timestamptz
      );
      CREATE INDEX attachment_report_idx ON attachment (report_id, question_id);

      -- Inkommen handling: a received submission is a public record, never altered or deleted.
      CREATE TABLE submission (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id      uuid NOT NULL REFERENCES report (id),
        reference      text NOT NULL UNIQUE CHECK (reference ~ '^UPP-[0-9]{4}-[0-9]{6,}$'),
        received_at    timestamptz NOT NULL DEFAULT now(),
        report_version integer NOT NULL,
        submitted_by   uuid NOT NULL REFERENCES app_user (id),
        answers        jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'array'),
        -- A retry with the same expected version finds this row instead of making a second one.
        UNIQUE (report_id, report_version)
      );
      CREATE INDEX submission_report_idx ON submission (report_id, received_at);

      CREATE FUNCTION submission_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a received submission is a public record: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER submission_no_update_delete BEFORE UPDATE OR DELETE ON submission
        FOR EACH ROW EXECUTE FUNCTION submission_append_only();
      CREATE TRIGGER submission_no_truncate BEFORE TRUNCATE ON submission
        FOR EACH STATEMENT EXECUTE FUNCTION submission_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE submission;
      DROP FUNCTION submission_append_only();
      DROP TABLE attachment;
      DROP TABLE answer;
      DROP TABLE report;
      DROP SEQUENCE submission_reference_seq;
      DROP SEQUENCE report_reference_seq;
      DROP TABLE follow_up_round;
      DROP TABLE question;
      DROP TABLE template_section;
      DROP TABLE report_template;
      DROP FUNCTION report_template_frozen();
      DROP FUNCTION template_content_frozen();
    `);
  }
}
