import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compensation for the last-resort responsibility: the economics of each unit and year
 * (reimbursement by component, full cost of in-house units), the compensation method of each
 * obligation in append-only versions, and append-only compensation decisions, where a
 * correction is a new decision that replaces the one in force.
 */
export class Compensation1733472000000 implements MigrationInterface {
  name = 'Compensation1733472000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Reimbursement of a unit and year = capitation + visit_fees + goal_related + vat_compensation + other.
      -- Money is whole kronor (SEK), as everywhere in the API, each amount 0–400 000 000 (the API's limit,
      -- so that the five components together stay within its Int).
      CREATE TABLE unit_economics (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id          uuid NOT NULL REFERENCES unit (id),
        year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        capitation       bigint NOT NULL DEFAULT 0,
        visit_fees       bigint NOT NULL DEFAULT 0,
        goal_related     bigint NOT NULL DEFAULT 0,
        vat_compensation bigint NOT NULL DEFAULT 0,
        other            bigint NOT NULL DEFAULT 0,
        full_cost        bigint,
        source           text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'SEED')),
        version          integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_economics_capitation_check CHECK (capitation BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_visit_fees_check CHECK (visit_fees BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_goal_related_check CHECK (goal_related BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_vat_compensation_check CHECK (vat_compensation BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_other_check CHECK (other BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_full_cost_check CHECK (full_cost IS NULL OR full_cost BETWEEN 0 AND 400000000),
        CONSTRAINT unit_economics_unit_year_key UNIQUE (unit_id, year)
      );
      CREATE INDEX unit_economics_year_idx ON unit_economics (year, unit_id);

      -- VAT compensation is for providers outside the region (in-house units pay no VAT they
      -- could be compensated for); full cost is reported for in-house units only.
      CREATE FUNCTION unit_economics_ownership_check() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        own text;
      BEGIN
        SELECT p.ownership INTO own FROM unit u JOIN provider p ON p.id = u.provider_id WHERE u.id = NEW.unit_id;
        IF own = 'IN_HOUSE' AND NEW.vat_compensation <> 0 THEN
          RAISE EXCEPTION 'in-house units get no VAT compensation'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'unit_economics_vat_not_in_house', TABLE = 'unit_economics';
        END IF;
        IF own IS DISTINCT FROM 'IN_HOUSE' AND NEW.full_cost IS NOT NULL THEN
          RAISE EXCEPTION 'full cost is kept for in-house units only'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'unit_economics_full_cost_in_house', TABLE = 'unit_economics';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER unit_economics_ownership_check BEFORE INSERT OR UPDATE ON unit_economics
        FOR EACH ROW EXECUTE FUNCTION unit_economics_ownership_check();

      -- The same rule seen from the provider: its ownership does not change under economics that
      -- would then break it (correct the economics first).
      CREATE FUNCTION provider_ownership_economics_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.ownership = 'IN_HOUSE' AND EXISTS (
             SELECT 1 FROM unit_economics e JOIN unit u ON u.id = e.unit_id
              WHERE u.provider_id = NEW.id AND e.vat_compensation <> 0) THEN
          RAISE EXCEPTION 'in-house units get no VAT compensation'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'provider_ownership_vat_economics', TABLE = 'provider';
        END IF;
        IF NEW.ownership <> 'IN_HOUSE' AND EXISTS (
             SELECT 1 FROM unit_economics e JOIN unit u ON u.id = e.unit_id
              WHERE u.provider_id = NEW.id AND e.full_cost IS NOT NULL) THEN
          RAISE EXCEPTION 'full cost is kept for in-house units only'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'provider_ownership_full_cost_economics', TABLE = 'provider';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER provider_ownership_economics_check BEFORE UPDATE OF ownership ON provider
        FOR EACH ROW WHEN (NEW.ownership IS DISTINCT FROM OLD.ownership) EXECUTE FUNCTION provider_ownership_economics_check();

      -- Versions of an obligation's compensation method; the method in force for a year is the
      -- highest version with valid_from_year <= year.
      CREATE TABLE compensation_method (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        obligation_id      uuid NOT NULL REFERENCES last_resort_obligation (id),
        version            integer NOT NULL CHECK (version >= 1),
        valid_from_year    integer NOT NULL CHECK (valid_from_year BETWEEN 2000 AND 2100),
        method             text NOT NULL CHECK (method IN ('FIXED_AMOUNT', 'SOLE_PROVIDER_DEFICIT')),
        fixed_amount       bigint,
        share_percent      numeric(5,2),
        cap_amount         bigint,
        decision_reference text NOT NULL CHECK (btrim(decision_reference) <> ''),
        note               text,
        created_by         uuid REFERENCES app_user (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_method_obligation_version_key UNIQUE (obligation_id, version),
        CONSTRAINT compensation_method_id_obligation_key UNIQUE (id, obligation_id),
        CONSTRAINT compensation_method_fixed_amount_check CHECK (fixed_amount IS NULL OR fixed_amount BETWEEN 0 AND 400000000),
        CONSTRAINT compensation_method_share_percent_check CHECK (share_percent IS NULL OR (share_percent > 0 AND share_percent <= 100)),
        CONSTRAINT compensation_method_cap_amount_check CHECK (cap_amount IS NULL OR cap_amount BETWEEN 0 AND 400000000),
        -- A fixed amount has its amount and nothing else; a deficit share has no fixed amount.
        CONSTRAINT compensation_method_shape_check CHECK (
          (method = 'FIXED_AMOUNT' AND fixed_amount IS NOT NULL AND share_percent IS NULL AND cap_amount IS NULL)
          OR (method = 'SOLE_PROVIDER_DEFICIT' AND fixed_amount IS NULL)
        )
      );

      -- A decision on the compensation (whole kronor) of one obligation for one year. A correction is a new
      -- decision naming the one it replaces (same obligation and year); the decision in force is
      -- the one no other replaces.
      CREATE TABLE compensation_decision (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        obligation_id      uuid NOT NULL REFERENCES last_resort_obligation (id),
        year               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        -- The holder of the obligation when decided: reports name who was compensated even if the
        -- obligation is changed later.
        unit_id            uuid NOT NULL REFERENCES unit (id),
        amount             bigint NOT NULL,
        basis              text NOT NULL CHECK (btrim(basis) <> ''),
        decision_reference text NOT NULL CHECK (btrim(decision_reference) <> ''),
        decided_on         date NOT NULL,
        method_id          uuid,
        inputs             jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(inputs) = 'array'),
        replaces_id        uuid,
        decided_by         uuid REFERENCES app_user (id),
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_decision_amount_check CHECK (amount BETWEEN 0 AND 400000000),
        CONSTRAINT compensation_decision_id_obligation_year_key UNIQUE (id, obligation_id, year),
        -- The method applied is one of the obligation's own.
        CONSTRAINT compensation_decision_method_fkey FOREIGN KEY (method_id, obligation_id)
          REFERENCES compensation_method (id, obligation_id),
        -- A replacing decision concerns the same obligation and year.
        CONSTRAINT compensation_decision_replaces_fkey FOREIGN KEY (replaces_id, obligation_id, year)
          REFERENCES compensation_decision (id, obligation_id, year),
        -- A decision is replaced at most once.
        CONSTRAINT compensation_decision_replaces_key UNIQUE (replaces_id),
        CONSTRAINT compensation_decision_not_self_check CHECK (replaces_id IS NULL OR replaces_id <> id)
      );
      -- Only one original decision per obligation and year; the rest replace it in a chain.
      CREATE UNIQUE INDEX compensation_decision_original_key ON compensation_decision (obligation_id, year) WHERE replaces_id IS NULL;
      CREATE INDEX compensation_decision_year_idx ON compensation_decision (year, obligation_id, created_at, id);

      -- A decision is about the obligation's holder at the time (given, or taken from the obligation).
      CREATE FUNCTION compensation_decision_holder_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.unit_id IS NULL THEN
          SELECT o.unit_id INTO NEW.unit_id FROM last_resort_obligation o WHERE o.id = NEW.obligation_id;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM last_resort_obligation o WHERE o.id = NEW.obligation_id AND o.unit_id = NEW.unit_id) THEN
          RAISE EXCEPTION 'a compensation decision is about the holder of the obligation'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'compensation_decision_holder_check', TABLE = 'compensation_decision';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER compensation_decision_holder_check BEFORE INSERT ON compensation_decision
        FOR EACH ROW EXECUTE FUNCTION compensation_decision_holder_check();

      CREATE FUNCTION compensation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER compensation_method_append_only BEFORE UPDATE OR DELETE ON compensation_method
        FOR EACH ROW EXECUTE FUNCTION compensation_append_only();
      CREATE TRIGGER compensation_method_no_truncate BEFORE TRUNCATE ON compensation_method
        FOR EACH STATEMENT EXECUTE FUNCTION compensation_append_only();
      CREATE TRIGGER compensation_decision_append_only BEFORE UPDATE OR DELETE ON compensation_decision
        FOR EACH ROW EXECUTE FUNCTION compensation_append_only();
      CREATE TRIGGER compensation_decision_no_truncate BEFORE TRUNCATE ON compensation_decision
        FOR EACH STATEMENT EXECUTE FUNCTION compensation_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE compensation_decision;
      DROP FUNCTION compensation_decision_holder_check();
      DROP TABLE compensation_method;
      DROP FUNCTION compensation_append_only();
      DROP TRIGGER provider_ownership_economics_check ON provider;
      DROP FUNCTION provider_ownership_economics_check();
      DROP TABLE unit_economics;
      DROP FUNCTION unit_economics_ownership_check();
    `);
  }
}
