import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users with roles (a provider user belongs to one provider), sessions stored in PostgreSQL so
 * that several server processes share them, API tokens stored as hashes, and login attempts
 * for rate limiting across processes.
 */
export class Identity1732521600000 implements MigrationInterface {
  name = 'Identity1732521600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email                text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        name                 text NOT NULL CHECK (btrim(name) <> ''),
        password_hash        text,
        roles                text[] NOT NULL CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN', 'REVIEWER', 'PROVIDER', 'AUDITOR', 'ANALYST']::text[]
        ),
        provider_id          uuid REFERENCES provider (id),
        active               boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        last_login_at        timestamptz,
        version              integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        -- A provider user belongs to exactly one provider; nobody else belongs to one.
        CONSTRAINT app_user_provider_role CHECK (('PROVIDER' = ANY (roles)) = (provider_id IS NOT NULL))
      );
      CREATE INDEX app_user_provider_idx ON app_user (provider_id);
      CREATE INDEX app_user_name_id_idx ON app_user (name, id);

      CREATE TABLE user_session (
        token_hash   text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        user_id      uuid NOT NULL REFERENCES app_user (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        ended_at     timestamptz,
        ip           text,
        user_agent   text,
        CHECK (expires_at > created_at)
      );
      CREATE INDEX user_session_user_idx ON user_session (user_id);

      CREATE TABLE api_token (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name         text NOT NULL CHECK (btrim(name) <> ''),
        token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        owner_id     uuid NOT NULL REFERENCES app_user (id),
        roles        text[] NOT NULL DEFAULT ARRAY['ANALYST']::text[] CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN', 'REVIEWER', 'PROVIDER', 'AUDITOR', 'ANALYST']::text[]
        ),
        created_by   uuid NOT NULL REFERENCES app_user (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz CHECK (expires_at IS NULL OR expires_at > created_at),
        revoked_at   timestamptz,
        last_used_at timestamptz
      );
      CREATE INDEX api_token_owner_idx ON api_token (owner_id, created_at);
      CREATE UNIQUE INDEX api_token_active_name ON api_token (owner_id, name) WHERE revoked_at IS NULL;

      CREATE TABLE login_attempt (
        id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at      timestamptz NOT NULL DEFAULT now(),
        email   text NOT NULL,
        ip      text NOT NULL,
        success boolean NOT NULL
      );
      CREATE INDEX login_attempt_email_idx ON login_attempt (email, at);
      CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

      ALTER TABLE audit_event
        ADD CONSTRAINT audit_event_actor_user_fk FOREIGN KEY (actor_user_id) REFERENCES app_user (id),
        ADD CONSTRAINT audit_event_actor_token_fk FOREIGN KEY (actor_token_id) REFERENCES api_token (id);
      CREATE INDEX audit_event_actor_idx ON audit_event (actor_user_id, at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_event_actor_idx;
      ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_token_fk, DROP CONSTRAINT audit_event_actor_user_fk;
      DROP TABLE login_attempt;
      DROP TABLE api_token;
      DROP TABLE user_session;
      DROP TABLE app_user;
    `);
  }
}
