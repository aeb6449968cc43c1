import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { Config } from '../../app/config.js';
import type { Logger } from '../../app/logger.js';

export interface Mailer {
  send(message: { id: string; to: string; subject: string; text: string }): Promise<string>;
}

/**
 * SMTP when SMTP_HOST is set. Otherwise each message is written as an .eml file under
 * INSYN_DATA_DIR/mail (and logged), so a demo shows exactly what would be sent.
 */
export function createMailer(config: Config, log: Logger): Mailer {
  if (config.SMTP_HOST) {
    const transport = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
    });
    return {
      async send(m) {
        const info = await transport.sendMail({ from: config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
        return `smtp:${info.messageId}`;
      },
    };
  }
  const dir = path.join(config.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail({ from: config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
      await fs.promises.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${m.to.replace(/[^a-z0-9@._-]/gi, '_')}-${m.id.slice(0, 8)}.eml`);
      await fs.promises.writeFile(file, info.message as Buffer);
      log.info({ to: m.to, subject: m.subject, file }, 'mail written to file (no SMTP configured)');
      return `file:${file}`;
    },
  };
}

/**
 * Sends waiting e-mail from the outbox. Rows are claimed with SKIP LOCKED, so several processes
 * never send the same message; a failure is recorded and retried later.
 */
export async function deliverOutbox(ds: DataSource, mailer: Mailer, publicUrl: string, log: Logger, limit = 50): Promise<number> {
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await ds.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT o.id, o.to_address, o.subject, o.body, coalesce(o.link, n.link) AS link FROM email_outbox o LEFT JOIN notification n ON n.id = o.notification_id
         WHERE o.sent_at IS NULL AND o.attempts < 10 ORDER BY o.created_at LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      );
      if (!row) return false;
      try {
        const ref = await mailer.send({ id: row.id, to: row.to_address, subject: row.subject, text: `${row.body}\n\n${publicUrl}${row.link}\n\n— Insyn` });
        await em.query('UPDATE email_outbox SET sent_at = now(), attempts = attempts + 1, delivered_to = $2 WHERE id = $1', [row.id, ref]);
        sent++;
      } catch (error) {
        log.warn({ err: error, to: row.to_address }, 'mail could not be sent; will retry');
        await em.query('UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [row.id, String(error).slice(0, 500)]);
      }
      return true;
    });
    if (!done) break;
  }
  return sent;
}
