import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: in-app messages per user, an e-mail outbox written in the same transaction as
 * the change that causes it (so nothing is lost between commit and sending), per-user e-mail
 * preferences, and each user's language.
 */
export class Notifications1732867200000 implements MigrationInterface {
  name = 'Notifications1732867200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en'));

      CREATE TABLE notification (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES app_user (id),
        kind        text NOT NULL CHECK (kind IN ('ROUND_OPENED', 'CHANGES_REQUESTED', 'REPORT_APPROVED', 'THREAD_STARTED', 'REPORT_SUBMITTED',
                                                 'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'REVIEW_WAITING')),
        report_id   uuid REFERENCES report (id),
        title       text NOT NULL,
        body        text NOT NULL,
        link        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        read_at     timestamptz,
        -- Reminders carry a key so that the same reminder is never made twice (also across restarts).
        dedupe_key  text UNIQUE
      );
      CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id);
      CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

      CREATE TABLE email_outbox (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL UNIQUE REFERENCES notification (id),
        to_address      text NOT NULL,
        subject         text NOT NULL,
        body            text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        delivered_to    text
      );
      CREATE INDEX email_outbox_pending_idx ON email_outbox (created_at) WHERE sent_at IS NULL;

      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind    text NOT NULL,
        email   boolean NOT NULL,
        PRIMARY KEY (user_id, kind)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_preference;
      DROP TABLE email_outbox;
      DROP TABLE notification;
      ALTER TABLE app_user DROP COLUMN language;
    `);
  }
}
