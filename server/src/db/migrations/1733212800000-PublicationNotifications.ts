import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notifications publication sends (the texts are in modules/notifications/texts.ts). */
const KINDS = ['REPORT_PUBLISHED', 'VALUE_CORRECTED', 'PUBLIC_RESPONSE_WAITING', 'PUBLIC_RESPONSE_ACCEPTED', 'PUBLIC_RESPONSE_REJECTED'];

/**
 * Publication tells the provider when its results are published or corrected and what became of
 * its public response, and tells reviewers when a response waits. Adds these kinds to whatever
 * kinds the notification table already allows (other modules add theirs the same way).
 */
export class PublicationNotifications1733212800000 implements MigrationInterface {
  name = 'PublicationNotifications1733212800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE allowed text[];
      BEGIN
        SELECT array_agg(m[1]) INTO allowed
          FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
         WHERE c.conrelid = 'notification'::regclass AND c.conname = 'notification_kind_check';
        allowed := ARRAY(SELECT DISTINCT k FROM unnest(allowed || ARRAY[${KINDS.map((k) => `'${k}'`).join(', ')}]) AS k ORDER BY k);
        ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
        EXECUTE format('ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (%s))',
          (SELECT string_agg(quote_literal(k), ', ') FROM unnest(allowed) AS k));
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const kinds = `ARRAY[${KINDS.map((k) => `'${k}'`).join(', ')}]::text[]`;
    await q.query(`
      DELETE FROM email_outbox WHERE notification_id IN (SELECT id FROM notification WHERE kind = ANY (${kinds}));
      DELETE FROM notification WHERE kind = ANY (${kinds});
      DO $$
      DECLARE allowed text[];
      BEGIN
        SELECT array_agg(m[1]) INTO allowed
          FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') AS m
         WHERE c.conrelid = 'notification'::regclass AND c.conname = 'notification_kind_check';
        allowed := ARRAY(SELECT k FROM unnest(allowed) AS k WHERE k <> ALL (${kinds}) ORDER BY k);
        ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
        EXECUTE format('ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (%s))',
          (SELECT string_agg(quote_literal(k), ', ') FROM unnest(allowed) AS k));
      END $$;
    `);
  }
}
