import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Last-resort responsibility: obligations per municipality and choice system, listed persons per unit and year. */
export class LastResort1733385600000 implements MigrationInterface {
  name = 'LastResort1733385600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      -- Lets an obligation name its holder together with the holder's municipality.
      ALTER TABLE unit ADD CONSTRAINT unit_id_municipality_code_key UNIQUE (id, municipality_code);

      CREATE TABLE last_resort_obligation (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_code     char(4) NOT NULL REFERENCES municipality (code),
        choice_system_id      uuid NOT NULL REFERENCES choice_system (id),
        unit_id               uuid NOT NULL,
        minimum_service       text NOT NULL CHECK (btrim(minimum_service) <> ''),
        opening_days_per_week integer CHECK (opening_days_per_week BETWEEN 1 AND 7),
        staffing              text,
        services              text,
        decision_reference    text NOT NULL CHECK (btrim(decision_reference) <> ''),
        valid_from            date NOT NULL,
        valid_to              date,
        version               integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT last_resort_obligation_valid_to_check CHECK (valid_to IS NULL OR valid_to >= valid_from),
        -- The holder is a unit in the obligation's own municipality.
        CONSTRAINT last_resort_obligation_holder_fkey FOREIGN KEY (unit_id, municipality_code)
          REFERENCES unit (id, municipality_code),
        -- One obligation at a time per municipality and choice system.
        CONSTRAINT last_resort_obligation_no_overlap EXCLUDE USING gist (
          municipality_code WITH =,
          choice_system_id WITH =,
          daterange(valid_from, valid_to, '[]') WITH &&
        )
      );
      CREATE INDEX last_resort_obligation_unit_idx ON last_resort_obligation (unit_id);
      CREATE INDEX last_resort_obligation_order_idx ON last_resort_obligation (municipality_code, valid_from, id);

      CREATE TABLE unit_listing (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id        uuid NOT NULL REFERENCES unit (id),
        year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        month          integer CHECK (month BETWEEN 1 AND 12),
        listed_persons integer NOT NULL CHECK (listed_persons >= 0),
        source         text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'SEED')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_listing_unit_year_month_key UNIQUE NULLS NOT DISTINCT (unit_id, year, month)
      );
      CREATE INDEX unit_listing_year_idx ON unit_listing (year, unit_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE unit_listing;
      DROP TABLE last_resort_obligation;
      ALTER TABLE unit DROP CONSTRAINT unit_id_municipality_code_key;
    `);
  }
}
