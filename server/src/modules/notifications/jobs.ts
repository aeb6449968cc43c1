import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Config } from '../../app/config.js';
import type { Logger } from '../../app/logger.js';
import { createMailer, deliverOutbox } from './mailer.js';
import { outboxSignal } from './notify.js';
import { runReminders } from './reminders.js';

const EMAIL = 'insyn-email';
const REMINDERS = 'insyn-reminders';

export interface Jobs {
  stop(): Promise<void>;
}

/**
 * Background work on a PostgreSQL job queue (pg-boss): e-mail delivery and reminders, which run
 * once per schedule however many server processes there are, and survive restarts.
 */
export async function startJobs(config: Config, databaseUrl: string, ds: DataSource, log: Logger, publicUrl: string): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 3, application_name: 'insyn-jobs' });
  boss.on('error', (err) => log.warn({ err }, 'job queue'));
  await boss.start();
  // singleton: at most one queued job per queue, so a burst of signals is one delivery run.
  await boss.createQueue(EMAIL, { name: EMAIL, policy: 'singleton' });
  await boss.createQueue(REMINDERS, { name: REMINDERS, policy: 'singleton' });
  const mailer = createMailer(config, log);

  await boss.work(EMAIL, async () => {
    const sent = await deliverOutbox(ds, mailer, publicUrl, log);
    if (sent) log.info({ sent }, 'mail delivered');
  });
  await boss.work(REMINDERS, async () => {
    const created = await ds.transaction((em) =>
      runReminders(em, new Date(), { reminderDays: config.REMINDER_DAYS, reviewDeadlineDays: config.REVIEW_DEADLINE_DAYS }),
    );
    if (created) {
      log.info({ created }, 'reminders');
      await boss.send(EMAIL, {});
    }
  });
  await boss.schedule(REMINDERS, '*/15 * * * *', {}, { tz: 'Europe/Stockholm' });
  await boss.schedule(EMAIL, '* * * * *');
  const onPending = () => void boss.send(EMAIL, {}).catch((err: unknown) => log.warn({ err }, 'could not queue mail delivery'));
  outboxSignal.on('pending', onPending);
  // What was waiting before a restart is sent now.
  await boss.send(EMAIL, {});
  await boss.send(REMINDERS, {});

  return {
    async stop() {
      outboxSignal.off('pending', onPending);
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}
