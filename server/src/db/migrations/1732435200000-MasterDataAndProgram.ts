import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Master data (municipalities, providers, units, choice systems, agreements), the program
 * (goals, guidelines), indicators with yearly targets, governing documents, and the
 * append-only audit trail. Invariants the domain depends on are constraints here, so that
 * no code path can store what the domain forbids.
 */
export class MasterDataAndProgram1732435200000 implements MigrationInterface {
  name = 'MasterDataAndProgram1732435200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality (
        code        char(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
        name        text COLLATE "sv-x-icu" NOT NULL UNIQUE CHECK (btrim(name) <> ''),
        county_code char(2) NOT NULL CHECK (county_code = left(code, 2)),
        county_name text NOT NULL CHECK (btrim(county_name) <> '')
      );

      CREATE TABLE provider (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name          text COLLATE "sv-x-icu" NOT NULL CHECK (btrim(name) <> ''),
        org_number    char(11) NOT NULL CHECK (org_number ~ '^[0-9]{6}-[0-9]{4}$'),
        ownership     text NOT NULL CHECK (ownership IN ('IN_HOUSE', 'PRIVATE', 'PUBLIC_COMPANY', 'NON_PROFIT')),
        contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\\s]+@[^@\\s]+$'),
        contact_phone text,
        website       text,
        version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      );
      -- The region's in-house providers (primary care, dental care, ...) share the region's
      -- organisationsnummer; every other provider has its own.
      CREATE UNIQUE INDEX provider_org_number_unique ON provider (org_number) WHERE ownership <> 'IN_HOUSE';
      CREATE INDEX provider_org_number_idx ON provider (org_number);
      CREATE INDEX provider_name_id_idx ON provider (name, id);
      CREATE INDEX provider_ownership_name_id_idx ON provider (ownership, name, id);

      CREATE TABLE unit (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_id       uuid NOT NULL REFERENCES provider (id),
        municipality_code char(4) NOT NULL REFERENCES municipality (code),
        name              text COLLATE "sv-x-icu" NOT NULL CHECK (btrim(name) <> ''),
        kind              text NOT NULL CHECK (kind IN ('HEALTH_CENTRE', 'DENTAL_CLINIC', 'BRANCH', 'OTHER')),
        hsa_id            text UNIQUE CHECK (hsa_id IS NULL OR hsa_id ~ '^SE[0-9]{10}-[A-Za-z0-9]+$'),
        street_address    text,
        postal_code       text CHECK (postal_code IS NULL OR postal_code ~ '^[0-9]{3} ?[0-9]{2}$'),
        city              text,
        version           integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (provider_id, name),
        UNIQUE (id, provider_id)
      );
      CREATE INDEX unit_name_id_idx ON unit (name, id);
      CREATE INDEX unit_provider_idx ON unit (provider_id);
      CREATE INDEX unit_municipality_name_id_idx ON unit (municipality_code, name, id);

      CREATE TABLE choice_system (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        name       text NOT NULL CHECK (btrim(name) <> ''),
        started_on date
      );

      CREATE TABLE agreement (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_id         uuid NOT NULL REFERENCES provider (id),
        choice_system_id    uuid REFERENCES choice_system (id),
        form                text NOT NULL CHECK (form IN ('LOV', 'LOU', 'IN_HOUSE', 'LOF')),
        reference           text NOT NULL UNIQUE CHECK (btrim(reference) <> ''),
        valid_from          date NOT NULL,
        valid_to            date CHECK (valid_to IS NULL OR valid_to >= valid_from),
        in_program_scope    boolean NOT NULL,
        out_of_scope_reason text,
        version             integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, provider_id),
        -- LOF agreements (physiotherapy on the national tariff) are outside the program.
        CONSTRAINT agreement_lof_out_of_scope CHECK (form <> 'LOF' OR NOT in_program_scope),
        -- An agreement outside the program always says why.
        CONSTRAINT agreement_scope_reason CHECK (
          (in_program_scope AND out_of_scope_reason IS NULL)
          OR (NOT in_program_scope AND btrim(coalesce(out_of_scope_reason, '')) <> '')
        ),
        -- A LOV contract belongs to a choice system.
        CONSTRAINT agreement_lov_choice_system CHECK (form <> 'LOV' OR choice_system_id IS NOT NULL)
      );
      CREATE INDEX agreement_provider_idx ON agreement (provider_id);
      CREATE INDEX agreement_choice_system_idx ON agreement (choice_system_id);

      -- Which units an agreement covers; a unit and its agreement always share the provider.
      CREATE TABLE agreement_unit (
        agreement_id uuid NOT NULL,
        unit_id      uuid NOT NULL,
        provider_id  uuid NOT NULL,
        PRIMARY KEY (agreement_id, unit_id),
        FOREIGN KEY (agreement_id, provider_id) REFERENCES agreement (id, provider_id),
        FOREIGN KEY (unit_id, provider_id) REFERENCES unit (id, provider_id)
      );
      CREATE INDEX agreement_unit_unit_idx ON agreement_unit (unit_id);

      -- Council decisions Insyn works under (the program, the equal-conditions rules, ...).
      CREATE TABLE governing_document (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind               text NOT NULL CHECK (kind IN ('PROGRAM', 'EQUAL_CONDITIONS', 'OTHER')),
        title              text NOT NULL CHECK (btrim(title) <> ''),
        decision_reference text NOT NULL UNIQUE CHECK (btrim(decision_reference) <> ''),
        decided_by         text NOT NULL,
        decided_at         date,
        summary            text NOT NULL DEFAULT ''
      );

      CREATE TABLE program (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title              text NOT NULL CHECK (btrim(title) <> ''),
        term_start         integer NOT NULL CHECK (term_start BETWEEN 2000 AND 2100),
        term_end           integer NOT NULL CHECK (term_end BETWEEN 2000 AND 2100),
        decision_reference text NOT NULL CHECK (btrim(decision_reference) <> ''),
        decided_by         text,
        decided_at         date,
        status             text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ADOPTED', 'SUPERSEDED')),
        program_version    integer NOT NULL DEFAULT 1 CHECK (program_version > 0),
        supersedes_id      uuid REFERENCES program (id),
        version            integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT program_term CHECK (term_end >= term_start),
        CONSTRAINT program_adopted_decided CHECK (status = 'DRAFT' OR (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
        UNIQUE (decision_reference, program_version)
      );
      -- At most one adopted program for a term.
      CREATE UNIQUE INDEX program_one_adopted_per_term ON program (term_start, term_end) WHERE status = 'ADOPTED';

      CREATE TABLE goal (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id  uuid NOT NULL REFERENCES program (id),
        code        text NOT NULL CHECK (btrim(code) <> ''),
        title       text NOT NULL CHECK (btrim(title) <> ''),
        description text NOT NULL DEFAULT '',
        category    text NOT NULL CHECK (category IN ('ACCESSIBILITY', 'PATIENT_SAFETY', 'EQUAL_CARE', 'QUALITY', 'STAFF_COMPETENCE', 'ENVIRONMENT', 'TRANSPARENCY', 'COOPERATION', 'OTHER')),
        position    integer NOT NULL CHECK (position >= 0),
        UNIQUE (program_id, code),
        UNIQUE (program_id, position)
      );

      CREATE TABLE guideline (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id  uuid NOT NULL REFERENCES program (id),
        goal_id     uuid REFERENCES goal (id),
        code        text NOT NULL CHECK (btrim(code) <> ''),
        text        text NOT NULL CHECK (btrim(text) <> ''),
        obligation  text NOT NULL CHECK (obligation IN ('SHALL', 'SHOULD')),
        position    integer NOT NULL CHECK (position >= 0),
        UNIQUE (program_id, code),
        UNIQUE (program_id, position)
      );
      CREATE INDEX guideline_goal_idx ON guideline (goal_id);

      CREATE TABLE indicator (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code         text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_-]*$'),
        name         text NOT NULL CHECK (btrim(name) <> ''),
        definition   text NOT NULL CHECK (btrim(definition) <> ''),
        unit         text NOT NULL CHECK (unit IN ('PERCENT', 'COUNT', 'RATE_PER_1000', 'SEK', 'INDEX', 'DAYS')),
        direction    text NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
        service_area text NOT NULL CHECK (service_area IN ('PRIMARY_CARE', 'DENTAL_CARE', 'ALL')),
        source       text,
        goal_id      uuid REFERENCES goal (id),
        version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX indicator_goal_idx ON indicator (goal_id);

      CREATE TABLE target (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id    uuid NOT NULL REFERENCES indicator (id),
        year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        value           numeric(14, 4) NOT NULL,
        amber_threshold numeric(14, 4) NOT NULL,
        UNIQUE (indicator_id, year)
      );

      -- The audit trail: one row per change, written in the change's transaction, never altered.
      CREATE TABLE audit_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at          timestamptz NOT NULL DEFAULT now(),
        actor_label text NOT NULL CHECK (btrim(actor_label) <> ''),
        actor_user_id  uuid,
        actor_token_id uuid,
        action      text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]*$'),
        entity_type text NOT NULL,
        entity_id   text,
        before      jsonb,
        after       jsonb,
        request_id  text
      );
      CREATE INDEX audit_event_at_idx ON audit_event (at, id);
      CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, at);
      CREATE INDEX audit_event_action_idx ON audit_event (action, at);

      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_append_only();
      DROP TABLE target;
      DROP TABLE indicator;
      DROP TABLE guideline;
      DROP TABLE goal;
      DROP TABLE program;
      DROP TABLE governing_document;
      DROP TABLE agreement_unit;
      DROP TABLE agreement;
      DROP TABLE choice_system;
      DROP TABLE unit;
      DROP TABLE provider;
      DROP TABLE municipality;
    `);
  }
}
