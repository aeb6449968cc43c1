import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned governing document: the equal-conditions rules (RS/383/2021) with their conditions, one version per decision. */
export class ConditionsVersions1733299200000 implements MigrationInterface {
  name = 'ConditionsVersions1733299200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per decision on a governing document; the latest version is the current text.
      CREATE TABLE governing_document_version (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id         uuid NOT NULL REFERENCES governing_document (id),
        version             integer NOT NULL CHECK (version >= 1),
        decision_reference  text NOT NULL CHECK (length(btrim(decision_reference)) > 0),
        decided_by          text NOT NULL CHECK (length(btrim(decided_by)) > 0),
        decided_at          date NOT NULL,
        note                text,
        created_by          uuid REFERENCES app_user (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, version)
      );

      -- The conditions of one version, in order (V1, V2, …).
      CREATE TABLE governing_document_condition (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id  uuid NOT NULL REFERENCES governing_document_version (id),
        position    integer NOT NULL CHECK (position >= 0),
        code        text NOT NULL CHECK (length(btrim(code)) > 0),
        heading     text NOT NULL CHECK (length(btrim(heading)) > 0),
        text        text NOT NULL CHECK (length(btrim(text)) > 0),
        UNIQUE (version_id, position),
        UNIQUE (version_id, code)
      );

      -- Decisions are append-only: a change is a new version, never an edit.
      CREATE FUNCTION conditions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER governing_document_version_append_only BEFORE UPDATE OR DELETE ON governing_document_version
        FOR EACH ROW EXECUTE FUNCTION conditions_append_only();
      CREATE TRIGGER governing_document_version_no_truncate BEFORE TRUNCATE ON governing_document_version
        FOR EACH STATEMENT EXECUTE FUNCTION conditions_append_only();
      CREATE TRIGGER governing_document_condition_append_only BEFORE UPDATE OR DELETE ON governing_document_condition
        FOR EACH ROW EXECUTE FUNCTION conditions_append_only();
      CREATE TRIGGER governing_document_condition_no_truncate BEFORE TRUNCATE ON governing_document_condition
        FOR EACH STATEMENT EXECUTE FUNCTION conditions_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE governing_document_condition;
      DROP TABLE governing_document_version;
      DROP FUNCTION conditions_append_only();
    `);
  }
}
