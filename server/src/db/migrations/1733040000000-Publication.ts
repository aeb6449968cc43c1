import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication: the region's decision on each confidentiality request, the published versions of a
 * report's values (immutable; a correction is a new version that supersedes the old one), and the
 * provider's public response to its published results.
 */
export class Publication1733040000000 implements MigrationInterface {
  name = 'Publication1733040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Free-text answers are published only when the question says so.
      ALTER TABLE question ADD COLUMN public_answer boolean NOT NULL DEFAULT false;

      CREATE TABLE confidentiality_decision (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id   uuid NOT NULL,
        template_id uuid NOT NULL,
        question_id uuid NOT NULL,
        granted     boolean NOT NULL,
        reason      text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 5000),
        decided_by  uuid NOT NULL REFERENCES app_user (id),
        decided_at  timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (report_id, template_id) REFERENCES report (id, template_id),
        FOREIGN KEY (question_id, template_id) REFERENCES question (id, template_id)
      );
      CREATE INDEX confidentiality_decision_report_idx ON confidentiality_decision (report_id, question_id, decided_at DESC);

      CREATE TABLE publication (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id    uuid NOT NULL REFERENCES report (id),
        kind         text NOT NULL CHECK (kind IN ('PUBLISHED', 'CORRECTED')),
        reason       text CHECK (reason IS NULL OR length(reason) <= 5000),
        published_by uuid NOT NULL REFERENCES app_user (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, report_id),
        -- A correction always says why.
        CHECK (kind = 'PUBLISHED' OR btrim(coalesce(reason, '')) <> '')
      );
      -- A report is published once; later changes are corrections.
      CREATE UNIQUE INDEX publication_once_idx ON publication (report_id) WHERE kind = 'PUBLISHED';
      CREATE INDEX publication_report_idx ON publication (report_id, published_at);

      CREATE TABLE published_value (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id     uuid NOT NULL,
        report_id          uuid NOT NULL,
        template_id        uuid NOT NULL,
        question_id        uuid NOT NULL,
        version            integer NOT NULL CHECK (version > 0),
        supersedes_id      uuid UNIQUE REFERENCES published_value (id),
        -- Dimensions as they were when published.
        period             text NOT NULL,
        provider_id        uuid NOT NULL REFERENCES provider (id),
        ownership          text NOT NULL CHECK (ownership IN ('IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT')),
        agreement_id       uuid NOT NULL REFERENCES agreement (id),
        unit_id            uuid REFERENCES unit (id),
        municipality_code  char(4) NOT NULL REFERENCES municipality (code),
        indicator_id       uuid REFERENCES indicator (id),
        -- What the public sees: null when suppressed.
        value              jsonb,
        value_number       double precision,
        numerator          double precision,
        denominator        double precision,
        target             double precision,
        suppressed         boolean NOT NULL DEFAULT false,
        suppression_reason text,
        published_at       timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (publication_id, report_id) REFERENCES publication (id, report_id),
        FOREIGN KEY (report_id, template_id) REFERENCES report (id, template_id),
        FOREIGN KEY (question_id, template_id) REFERENCES question (id, template_id),
        UNIQUE (report_id, question_id, version),
        CHECK ((version = 1) = (supersedes_id IS NULL)),
        CHECK (suppressed = (suppression_reason IS NOT NULL)),
        -- A suppressed value keeps no number that could reveal it.
        CHECK (NOT suppressed OR (value IS NULL AND value_number IS NULL AND numerator IS NULL AND denominator IS NULL))
      );
      CREATE INDEX published_value_report_idx ON published_value (report_id, question_id, version);
      CREATE INDEX published_value_indicator_idx ON published_value (indicator_id, period) WHERE indicator_id IS NOT NULL;
      CREATE INDEX published_value_unit_idx ON published_value (unit_id, period);
      CREATE INDEX published_value_agreement_idx ON published_value (agreement_id, period);
      CREATE INDEX published_value_published_idx ON published_value (published_at, id);

      -- The current published values: those no correction has superseded.
      CREATE VIEW published_value_current AS
        SELECT v.* FROM published_value v
         WHERE NOT EXISTS (SELECT 1 FROM published_value n WHERE n.supersedes_id = v.id);

      CREATE TABLE public_response (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id    uuid NOT NULL REFERENCES report (id),
        provider_id  uuid NOT NULL REFERENCES provider (id),
        body         text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 2000),
        status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
        submitted_by uuid NOT NULL REFERENCES app_user (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by   uuid REFERENCES app_user (id),
        decided_at   timestamptz,
        decision_reason text CHECK (decision_reason IS NULL OR length(decision_reason) <= 5000),
        version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
        CHECK ((status IN ('ACCEPTED', 'REJECTED')) = (decided_at IS NOT NULL)),
        CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
        -- A refusal says why, so the provider can write a better one.
        CHECK (status <> 'REJECTED' OR btrim(coalesce(decision_reason, '')) <> '')
      );
      CREATE INDEX public_response_report_idx ON public_response (report_id, submitted_at DESC);
      -- At most one response per report is waiting for the reviewer, and at most one is shown.
      CREATE UNIQUE INDEX public_response_pending_idx ON public_response (report_id) WHERE status = 'PENDING';
      CREATE UNIQUE INDEX public_response_shown_idx ON public_response (report_id) WHERE status = 'ACCEPTED';

      CREATE FUNCTION publication_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER confidentiality_decision_append_only BEFORE UPDATE OR DELETE ON confidentiality_decision
        FOR EACH ROW EXECUTE FUNCTION publication_append_only();
      CREATE TRIGGER publication_append_only BEFORE UPDATE OR DELETE ON publication
        FOR EACH ROW EXECUTE FUNCTION publication_append_only();
      CREATE TRIGGER published_value_append_only BEFORE UPDATE OR DELETE ON published_value
        FOR EACH ROW EXECUTE FUNCTION publication_append_only();
      CREATE TRIGGER confidentiality_decision_no_truncate BEFORE TRUNCATE ON confidentiality_decision
        FOR EACH STATEMENT EXECUTE FUNCTION publication_append_only();
      CREATE TRIGGER publication_no_truncate BEFORE TRUNCATE ON publication
        FOR EACH STATEMENT EXECUTE FUNCTION publication_append_only();
      CREATE TRIGGER published_value_no_truncate BEFORE TRUNCATE ON published_value
        FOR EACH STATEMENT EXECUTE FUNCTION publication_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE public_response;
      DROP VIEW published_value_current;
      DROP TABLE published_value;
      DROP TABLE publication;
      DROP TABLE confidentiality_decision;
      DROP FUNCTION publication_append_only();
      ALTER TABLE question DROP COLUMN public_answer;
    `);
  }
}
