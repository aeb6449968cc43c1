import type { EntityManager } from 'typeorm';
import { normaliseTrackingCode, trackingHash } from '../../modules/insight-requests/service.js';
import { addWorkingDays } from '@insyn/shared';

/**
 * Tracking codes of the demo insight requests, to try the public status page (/insyn/status).
 * Illustrative requests, like the rest of the demo region.
 */
export const DEMO_TRACKING_CODES = {
  received: 'DEM00-00000-00000-00001',
  forwarded: 'DEM00-00000-00000-00002',
  decided: 'DEM00-00000-00000-00003',
  closed: 'DEM00-00000-00000-00004',
} as const;

const DAY = 86_400_000;

interface Demo {
  code: string;
  subject: string;
  description: string;
  provider: string;
  unit?: string;
  daysAgo: number;
  /** Steps taken, with days after receipt. */
  steps: {
    registered?: number;
    forwarded?: number;
    answered?: { day: number; by: 'provider' | 'reviewer'; text: string; secret?: { text: string; reason: string } };
    decided?: { day: number; decision: 'DISCLOSED' | 'PARTLY_DISCLOSED' | 'REFUSED'; legalGround?: string; appealNote?: string; text: string };
    closed?: number;
  };
}

const APPEAL =
  'Beslutet kan överklagas hos kammarrätten. Skriv till Region Jämtland Härjedalen inom tre veckor från den dag du fick beslutet; ' +
  'regionen skickar överklagandet vidare.';

const demos: Demo[] = [
  {
    code: DEMO_TRACKING_CODES.received,
    subject: 'Bemanning av läkare i Hede',
    description: 'Hur många dagar under hösten 2025 fanns ingen läkare på plats på Hede hälsocentral?',
    provider: 'Hede Läkarhus AB',
    unit: 'Hede hälsocentral',
    daysAgo: 1,
    steps: {},
  },
  {
    code: DEMO_TRACKING_CODES.forwarded,
    subject: 'Fast läkarkontakt',
    description: 'Hur stor andel av de listade patienterna har en namngiven fast läkarkontakt, och hur följer ni upp det?',
    provider: 'Jämtvård Hälsocentraler AB',
    daysAgo: 6,
    steps: { registered: 1, forwarded: 2 },
  },
  {
    code: DEMO_TRACKING_CODES.decided,
    subject: 'Kostnader för hyrläkare',
    description: 'Vad har hälsocentralen betalat för hyrläkare under 2025, och till vilket timpris?',
    provider: 'Jämtvård Hälsocentraler AB',
    daysAgo: 30,
    steps: {
      registered: 1,
      forwarded: 2,
      answered: {
        day: 12,
        by: 'provider',
        text: 'Under 2025 anlitade vi hyrläkare under 14 veckor, för sammanlagt 2,1 miljoner kronor. Timpriset enligt avtalet med bemanningsföretaget är 1 650 kronor.',
        secret: {
          text: 'Timpriset enligt avtalet med bemanningsföretaget är 1 650 kronor.',
          reason: 'Priset är förhandlat med bemanningsföretaget; röjs det kan våra och deras kommande upphandlingar skadas.',
        },
      },
      decided: {
        day: 16,
        decision: 'PARTLY_DISCLOSED',
        legalGround: 'OSL 31 kap. 16 §',
        appealNote: APPEAL,
        text: 'Under 2025 anlitade hälsocentralen hyrläkare under 14 veckor, för sammanlagt 2,1 miljoner kronor. Timpriset lämnas inte ut: det är en affärshemlighet.',
      },
    },
  },
  {
    code: DEMO_TRACKING_CODES.closed,
    subject: 'Telefontider i Strömsund',
    description: 'När svarar hälsocentralen i telefon, och hur många samtal besvarades samma dag under 2025?',
    provider: 'Primärvården Region Jämtland Härjedalen',
    daysAgo: 40,
    steps: {
      registered: 1,
      answered: { day: 5, by: 'reviewer', text: 'Telefonen är öppen vardagar 8–16. Under 2025 besvarades 91 % av samtalen samma dag.' },
      decided: { day: 6, decision: 'DISCLOSED', text: 'Telefonen är öppen vardagar 8–16. Under 2025 besvarades 91 % av samtalen samma dag.' },
      closed: 7,
    },
  },
];

/**
 * Demo insight requests in different states: received, forwarded (waiting for the provider),
 * decided with a business secret withheld, and closed. Idempotent: the first demo code names a
 * request once they are loaded.
 */
export async function insertDemoInsight(em: EntityManager): Promise<void> {
  const [done] = await em.query('SELECT 1 FROM insight_request WHERE tracking_hash = $1', [trackingHash(normaliseTrackingCode(DEMO_TRACKING_CODES.received)!)]);
  if (done) return;
  const user = async (email: string): Promise<string | null> => (await em.query('SELECT id FROM app_user WHERE email = $1', [email]))[0]?.id ?? null;
  const reviewer = await user('reviewer@insyn.example');
  const providerUser = await user('provider.private@insyn.example');
  if (!reviewer || !providerUser) return;
  const now = Date.now();
  for (const d of demos) {
    const [provider] = await em.query('SELECT id FROM provider WHERE name = $1', [d.provider]);
    if (!provider) continue;
    const [unit] = d.unit ? await em.query('SELECT id FROM unit WHERE provider_id = $1 AND name = $2', [provider.id, d.unit]) : [];
    const received = new Date(now - d.daysAgo * DAY);
    const at = (day: number | undefined) => (day === undefined ? null : new Date(received.getTime() + day * DAY));
    const s = d.steps;
    const status = s.closed !== undefined ? 'CLOSED' : s.decided ? 'DECIDED' : s.answered ? 'ANSWERED' : s.forwarded !== undefined ? 'FORWARDED' : s.registered !== undefined ? 'REGISTERED' : 'RECEIVED';
    const forwardedAt = at(s.forwarded);
    const answeredBy = s.answered ? (s.answered.by === 'provider' ? providerUser : reviewer) : null;
    const values: Record<string, unknown> = {
      tracking_hash: trackingHash(normaliseTrackingCode(d.code)!),
      subject: d.subject,
      description: d.description,
      provider_id: provider.id,
      unit_id: unit?.id ?? null,
      language: 'sv',
      status,
      registered_at: at(s.registered),
      registered_by: s.registered !== undefined ? reviewer : null,
      forwarded_at: forwardedAt,
      forwarded_by: forwardedAt ? reviewer : null,
      due_at: forwardedAt ? addWorkingDays(forwardedAt, 10) : null,
      answer: s.answered?.text ?? null,
      answered_at: at(s.answered?.day),
      answered_by: answeredBy,
      decision: s.decided?.decision ?? null,
      legal_ground: s.decided?.legalGround ?? null,
      appeal_note: s.decided?.appealNote ?? null,
      decision_text: s.decided?.text ?? null,
      decided_at: at(s.decided?.day),
      decided_by: s.decided ? reviewer : null,
      closed_at: at(s.closed),
      closed_by: s.closed !== undefined ? reviewer : null,
      created_at: received,
      updated_at: received,
    };
    const columns = Object.keys(values);
    const [row] = await em.query(
      `INSERT INTO insight_request (reference, ${columns.join(', ')})
       VALUES ('INS-' || to_char($${columns.length + 1}::timestamptz AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-' || lpad(nextval('insight_request_reference_seq')::text, 4, '0'),
               ${columns.map((_, k) => `$${k + 1}`).join(', ')})
       RETURNING id`,
      [...Object.values(values), received],
    );
    const events: [string, Date | null, string | null][] = [
      ['RECEIVED', received, null],
      ['REGISTERED', at(s.registered), reviewer],
      ['FORWARDED', forwardedAt, reviewer],
      ['ANSWERED', at(s.answered?.day), answeredBy],
      ['DECIDED', at(s.decided?.day), reviewer],
      ['CLOSED', at(s.closed), reviewer],
    ];
    for (const [kind, when, actor] of events) {
      if (when) await em.query('INSERT INTO insight_request_event (request_id, kind, at, actor_id) VALUES ($1, $2, $3, $4)', [row.id, kind, when, actor]);
    }
    if (s.answered?.secret) {
      await em.query(
        'INSERT INTO insight_request_secret_part (request_id, position, text, reason, created_by, created_at) VALUES ($1, 0, $2, $3, $4, $5)',
        [row.id, s.answered.secret.text, s.answered.secret.reason, answeredBy, at(s.answered.day)],
      );
    }
  }
}
