import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'ROUND_OPENED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'THREAD_STARTED', 'REPORT_SUBMITTED',
                   'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'REVIEW_WAITING'`;
const INSIGHT_KINDS = `'INSIGHT_FORWARDED', 'INSIGHT_REMINDED', 'INSIGHT_DUE_SOON'`;

/**
 * Insight requests (insynsbegäran) from the public: the request with its workflow state (every
 * state's facts required by CHECK constraints), a public timeline (append-only), the parts of a
 * provider's answer it marked as business secrets (append-only), and the addresses that submitted
 * lately, for the rate limit (kept apart from the requests, so no request is tied to an address).
 * E-mail to a requester (who has no account) goes through the same outbox, without a notification.
 */
export class InsightRequests1733126400000 implements MigrationInterface {
  name = 'InsightRequests1733126400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE insight_request_reference_seq;

      CREATE TABLE insight_request (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference          text NOT NULL UNIQUE CHECK (reference ~ '^INS-[0-9]{4}-[0-9]{4,}$'),
        -- sha256 of the tracking code; the code itself is shown once to the requester and kept nowhere.
        tracking_hash      text NOT NULL UNIQUE CHECK (tracking_hash ~ '^[0-9a-f]{64}$'),
        subject            text NOT NULL CHECK (btrim(subject) <> '' AND length(subject) <= 200),
        description        text NOT NULL CHECK (btrim(description) <> '' AND length(description) <= 5000),
        provider_id        uuid REFERENCES provider (id),
        unit_id            uuid REFERENCES unit (id),
        requester_email    text CHECK (requester_email IS NULL OR (length(requester_email) <= 254 AND requester_email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$')),
        language           text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
        status             text NOT NULL DEFAULT 'RECEIVED'
                           CHECK (status IN ('RECEIVED', 'REGISTERED', 'FORWARDED', 'ANSWERED', 'DECIDED', 'CLOSED')),
        registered_at      timestamptz,
        registered_by      uuid REFERENCES app_user (id),
        forwarded_at       timestamptz,
        forwarded_by       uuid REFERENCES app_user (id),
        due_at             timestamptz,
        reminded_at        timestamptz,
        answer             text CHECK (answer IS NULL OR (btrim(answer) <> '' AND length(answer) <= 20000)),
        answered_at        timestamptz,
        answered_by        uuid REFERENCES app_user (id),
        decision           text CHECK (decision IN ('DISCLOSED', 'PARTLY_DISCLOSED', 'REFUSED')),
        legal_ground       text CHECK (legal_ground IS NULL OR (btrim(legal_ground) <> '' AND length(legal_ground) <= 500)),
        appeal_note        text CHECK (appeal_note IS NULL OR (btrim(appeal_note) <> '' AND length(appeal_note) <= 2000)),
        decision_text      text CHECK (decision_text IS NULL OR (btrim(decision_text) <> '' AND length(decision_text) <= 10000)),
        decided_at         timestamptz,
        decided_by         uuid REFERENCES app_user (id),
        closed_at          timestamptz,
        closed_by          uuid REFERENCES app_user (id),
        close_note         text CHECK (close_note IS NULL OR (btrim(close_note) <> '' AND length(close_note) <= 2000)),
        version            integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        -- The unit named is one of the provider's.
        CONSTRAINT insight_request_unit_of_provider FOREIGN KEY (unit_id, provider_id) REFERENCES unit (id, provider_id),
        CONSTRAINT insight_request_unit_needs_provider CHECK (unit_id IS NULL OR provider_id IS NOT NULL),
        -- Who and when go together.
        CONSTRAINT insight_request_registered CHECK ((registered_at IS NULL) = (registered_by IS NULL)),
        CONSTRAINT insight_request_forwarded CHECK (
          (forwarded_at IS NULL) = (forwarded_by IS NULL) AND (forwarded_at IS NULL) = (due_at IS NULL)
          AND (forwarded_at IS NULL OR (provider_id IS NOT NULL AND registered_at IS NOT NULL AND due_at > forwarded_at))),
        CONSTRAINT insight_request_reminded CHECK (reminded_at IS NULL OR forwarded_at IS NOT NULL),
        CONSTRAINT insight_request_answered CHECK (
          (answered_at IS NULL) = (answered_by IS NULL) AND (answered_at IS NULL) = (answer IS NULL)
          AND (answered_at IS NULL OR registered_at IS NOT NULL)),
        CONSTRAINT insight_request_decided CHECK (
          (decided_at IS NULL) = (decided_by IS NULL) AND (decided_at IS NULL) = (decision IS NULL)
          AND (decided_at IS NULL) = (decision_text IS NULL) AND (decided_at IS NULL OR answered_at IS NOT NULL)),
        -- Anything but full disclosure names the legal ground (e.g. OSL 31 kap. 16 §) and how to appeal.
        CONSTRAINT insight_request_refusal_grounds CHECK (
          (decision IS NULL OR decision <> 'DISCLOSED') OR (legal_ground IS NULL AND appeal_note IS NULL)),
        CONSTRAINT insight_request_refusal_grounds_given CHECK (
          decision IS NULL OR decision = 'DISCLOSED' OR (legal_ground IS NOT NULL AND appeal_note IS NOT NULL)),
        CONSTRAINT insight_request_no_grounds_without_decision CHECK (decision IS NOT NULL OR (legal_ground IS NULL AND appeal_note IS NULL)),
        CONSTRAINT insight_request_closed CHECK (
          (closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (status <> 'CLOSED')
          -- Closed without a decision (withdrawn, spam) only with a note saying why.
          AND (closed_at IS NULL OR decided_at IS NOT NULL OR close_note IS NOT NULL)),
        CONSTRAINT insight_request_close_note CHECK (close_note IS NULL OR closed_at IS NOT NULL),
        -- Each status has exactly the facts of the steps that lead to it.
        CONSTRAINT insight_request_status_facts CHECK (CASE status
          WHEN 'RECEIVED'   THEN registered_at IS NULL AND forwarded_at IS NULL AND answered_at IS NULL AND decided_at IS NULL
          WHEN 'REGISTERED' THEN registered_at IS NOT NULL AND forwarded_at IS NULL AND answered_at IS NULL AND decided_at IS NULL
          WHEN 'FORWARDED'  THEN forwarded_at IS NOT NULL AND answered_at IS NULL AND decided_at IS NULL
          WHEN 'ANSWERED'   THEN answered_at IS NOT NULL AND decided_at IS NULL
          WHEN 'DECIDED'    THEN decided_at IS NOT NULL
          WHEN 'CLOSED'     THEN closed_at IS NOT NULL
        END)
      );
      CREATE INDEX insight_request_list_idx ON insight_request (created_at DESC, id DESC);
      CREATE INDEX insight_request_status_idx ON insight_request (status, created_at DESC, id DESC);
      CREATE INDEX insight_request_provider_idx ON insight_request (provider_id, created_at DESC, id DESC);
      CREATE INDEX insight_request_due_idx ON insight_request (due_at) WHERE status = 'FORWARDED';

      CREATE TABLE insight_request_event (
        id          bigserial PRIMARY KEY,
        request_id  uuid NOT NULL REFERENCES insight_request (id),
        kind        text NOT NULL CHECK (kind IN ('RECEIVED', 'REGISTERED', 'FORWARDED', 'REMINDED', 'ANSWERED', 'DECIDED', 'CLOSED')),
        at          timestamptz NOT NULL DEFAULT now(),
        actor_id    uuid REFERENCES app_user (id),
        -- Shown on the public status page.
        public_note text CHECK (public_note IS NULL OR length(public_note) <= 2000)
      );
      CREATE INDEX insight_request_event_request_idx ON insight_request_event (request_id, at, id);

      CREATE TABLE insight_request_secret_part (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id  uuid NOT NULL REFERENCES insight_request (id),
        position    integer NOT NULL CHECK (position >= 0),
        text        text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 5000),
        reason      text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 2000),
        created_by  uuid NOT NULL REFERENCES app_user (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, position)
      );

      -- Secret parts belong to an answer: none before the request is answered.
      CREATE FUNCTION insight_secret_part_answered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM insight_request WHERE id = NEW.request_id AND answered_at IS NOT NULL) THEN
          RAISE EXCEPTION 'insight_request_secret_part: the request % is not answered', NEW.request_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER insight_request_secret_part_answered BEFORE INSERT ON insight_request_secret_part
        FOR EACH ROW EXECUTE FUNCTION insight_secret_part_answered();

      -- Who submitted lately, for the limit per address; not linked to any request.
      CREATE TABLE insight_request_submission (
        id  bigserial PRIMARY KEY,
        ip  text NOT NULL,
        at  timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX insight_request_submission_ip_idx ON insight_request_submission (ip, at);

      CREATE FUNCTION insight_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER insight_request_event_append_only BEFORE UPDATE OR DELETE ON insight_request_event
        FOR EACH ROW EXECUTE FUNCTION insight_append_only();
      CREATE TRIGGER insight_request_event_no_truncate BEFORE TRUNCATE ON insight_request_event
        FOR EACH STATEMENT EXECUTE FUNCTION insight_append_only();
      CREATE TRIGGER insight_request_secret_part_append_only BEFORE UPDATE OR DELETE ON insight_request_secret_part
        FOR EACH ROW EXECUTE FUNCTION insight_append_only();
      CREATE TRIGGER insight_request_secret_part_no_truncate BEFORE TRUNCATE ON insight_request_secret_part
        FOR EACH STATEMENT EXECUTE FUNCTION insight_append_only();
      -- A received request is a public record (inkommen handling): never deleted.
      CREATE TRIGGER insight_request_no_delete BEFORE DELETE ON insight_request
        FOR EACH ROW EXECUTE FUNCTION insight_append_only();
      CREATE TRIGGER insight_request_no_truncate BEFORE TRUNCATE ON insight_request
        FOR EACH STATEMENT EXECUTE FUNCTION insight_append_only();

      -- Notifications to providers about requests forwarded to them.
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${OLD_KINDS}, ${INSIGHT_KINDS}));
      ALTER TABLE notification ADD COLUMN insight_request_id uuid REFERENCES insight_request (id);

      -- E-mail to a requester, who has no account: an outbox row without a notification.
      ALTER TABLE email_outbox ALTER COLUMN notification_id DROP NOT NULL;
      ALTER TABLE email_outbox ADD COLUMN link text;
      ALTER TABLE email_outbox ADD COLUMN insight_request_id uuid REFERENCES insight_request (id);
      ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_source CHECK (
        (notification_id IS NOT NULL) OR (insight_request_id IS NOT NULL AND link IS NOT NULL));
      CREATE INDEX email_outbox_insight_idx ON email_outbox (insight_request_id) WHERE insight_request_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX email_outbox_insight_idx;
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_source;
      ALTER TABLE email_outbox DROP COLUMN insight_request_id;
      ALTER TABLE email_outbox DROP COLUMN link;
      DELETE FROM email_outbox WHERE notification_id IS NULL;
      ALTER TABLE email_outbox ALTER COLUMN notification_id SET NOT NULL;
      ALTER TABLE notification DROP COLUMN insight_request_id;
      DELETE FROM email_outbox WHERE notification_id IN (SELECT id FROM notification WHERE kind IN (${INSIGHT_KINDS}));
      DELETE FROM notification WHERE kind IN (${INSIGHT_KINDS});
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${OLD_KINDS}));
      DROP TABLE insight_request_submission;
      DROP TABLE insight_request_secret_part;
      DROP TABLE insight_request_event;
      DROP TABLE insight_request;
      DROP FUNCTION insight_append_only();
      DROP FUNCTION insight_secret_part_answered();
      DROP SEQUENCE insight_request_reference_seq;
    `);
  }
}
