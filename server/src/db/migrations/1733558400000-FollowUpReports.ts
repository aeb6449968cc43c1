import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up reports of the equal-conditions work: the neutrality report (konkurrensneutralitet),
 * adopted in append-only versions with its figures frozen at adoption, and the annual follow-up
 * report to the board (systemuppföljning), one per year, DRAFT → ADOPTED → PUBLISHED, whose texts
 * and figures the database keeps frozen once adopted.
 */
export class FollowUpReports1733558400000 implements MigrationInterface {
  name = 'FollowUpReports1733558400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per adoption; the highest version of a year is the report in force.
      CREATE TABLE neutrality_report (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        version            integer NOT NULL CHECK (version >= 1),
        figures            jsonb NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
        decision_reference text NOT NULL CHECK (btrim(decision_reference) <> '' AND length(decision_reference) <= 100),
        adopted_on         date NOT NULL,
        adopted_by         uuid REFERENCES app_user (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT neutrality_report_year_version_key UNIQUE (year, version)
      );

      CREATE FUNCTION follow_up_report_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER neutrality_report_append_only BEFORE UPDATE OR DELETE ON neutrality_report
        FOR EACH ROW EXECUTE FUNCTION follow_up_report_append_only();
      CREATE TRIGGER neutrality_report_no_truncate BEFORE TRUNCATE ON neutrality_report
        FOR EACH STATEMENT EXECUTE FUNCTION follow_up_report_append_only();

      CREATE TABLE annual_report (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status             text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ADOPTED', 'PUBLISHED')),
        -- Free texts by section: [{ "key": "SUMMARY", "text": "…" }, …].
        sections           jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sections) = 'array'),
        -- Computed live while a draft; frozen here at adoption.
        figures            jsonb CHECK (figures IS NULL OR jsonb_typeof(figures) = 'object'),
        decision_reference text CHECK (decision_reference IS NULL OR (btrim(decision_reference) <> '' AND length(decision_reference) <= 100)),
        adopted_on         date,
        adopted_by         uuid REFERENCES app_user (id),
        published_at       timestamptz,
        created_by         uuid REFERENCES app_user (id),
        version            integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT annual_report_year_key UNIQUE (year),
        -- A draft has no decision and no frozen figures; an adopted (or published) report has all of
        -- them, and who adopted it.
        CONSTRAINT annual_report_adoption_fields CHECK (
          (status = 'DRAFT') = (figures IS NULL)
          AND (status = 'DRAFT') = (decision_reference IS NULL)
          AND (status = 'DRAFT') = (adopted_on IS NULL)
          AND (status = 'DRAFT') = (adopted_by IS NULL)),
        CONSTRAINT annual_report_published_fields CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      );

      -- A report starts as a draft; once adopted, the texts, the figures and the decision are frozen;
      -- the status moves forward one step at a time (DRAFT → ADOPTED → PUBLISHED); an adopted report
      -- is never deleted.
      CREATE FUNCTION annual_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        rank_old integer;
        rank_new integer;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'an annual report starts as a draft, not %', NEW.status
              USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_status_forward';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'DRAFT' THEN
            RAISE EXCEPTION 'an adopted annual report is never deleted' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN OLD;
        END IF;
        rank_old := array_position(ARRAY['DRAFT', 'ADOPTED', 'PUBLISHED'], OLD.status);
        rank_new := array_position(ARRAY['DRAFT', 'ADOPTED', 'PUBLISHED'], NEW.status);
        IF rank_new < rank_old THEN
          RAISE EXCEPTION 'an annual report does not go back from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_status_forward';
        END IF;
        IF rank_new > rank_old + 1 THEN
          RAISE EXCEPTION 'an annual report goes from % to % only through ADOPTED', OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_status_forward';
        END IF;
        IF NEW.year <> OLD.year THEN
          RAISE EXCEPTION 'an annual report does not change year' USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_frozen';
        END IF;
        IF OLD.status <> 'DRAFT' AND (NEW.sections IS DISTINCT FROM OLD.sections OR NEW.figures IS DISTINCT FROM OLD.figures
             OR NEW.decision_reference IS DISTINCT FROM OLD.decision_reference OR NEW.adopted_on IS DISTINCT FROM OLD.adopted_on
             OR NEW.adopted_by IS DISTINCT FROM OLD.adopted_by) THEN
          RAISE EXCEPTION 'an adopted annual report is frozen' USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_frozen';
        END IF;
        IF OLD.status = 'PUBLISHED' AND NEW.published_at IS DISTINCT FROM OLD.published_at THEN
          RAISE EXCEPTION 'a published annual report keeps its publication date' USING ERRCODE = 'check_violation', CONSTRAINT = 'annual_report_frozen';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER annual_report_guard BEFORE INSERT OR UPDATE OR DELETE ON annual_report
        FOR EACH ROW EXECUTE FUNCTION annual_report_guard();
      CREATE TRIGGER annual_report_no_truncate BEFORE TRUNCATE ON annual_report
        FOR EACH STATEMENT EXECUTE FUNCTION follow_up_report_append_only();

      -- The year's rounds by period ('2025', '2025-T2', …), for the figures of a year.
      CREATE INDEX follow_up_round_year_idx ON follow_up_round ((left(period, 4)::int));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX follow_up_round_year_idx;
      DROP TABLE annual_report;
      DROP FUNCTION annual_report_guard();
      DROP TABLE neutrality_report;
      DROP FUNCTION follow_up_report_append_only();
    `);
  }
}
