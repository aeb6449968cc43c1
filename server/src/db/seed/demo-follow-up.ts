import type { EntityManager } from 'typeorm';
import type { Context } from '../../app/context.js';
import { annualFigures, neutralityFigures } from '../../modules/follow-up/figures.js';
import { ILLUSTRATIVE_NOTICE } from './demo-data.js';

const ACTION = 'DEMO_FOLLOW_UP_REPORTS_LOADED';

/** The texts of the annual report 2024 to the regional board (illustrative, like every demo figure). */
const SECTIONS_2024: { key: string; text: string }[] = [
  {
    key: 'SUMMARY',
    text:
      'Regionen har under 2024 följt upp alla utförare inom Hälsoval och vårdval allmäntandvård barn och unga vuxna på samma sätt, ' +
      'oavsett om de drivs i egen regi eller av privata utförare. Det är första hela året med programmet för likvärdiga mål och ' +
      'riktlinjer (RS/620/2021) efter att kommunallagens krav utvidgades till egen regi den 1 juli 2024.\n\n' +
      'Sammantaget uppfyller utförarna huvuddelen av programmets mål. Tillgängligheten per telefon och den medicinska bedömningen ' +
      'inom tre dagar når ännu inte målvärdet, varken i egen regi eller hos privata utförare. Siffrorna i rapporten är påhittade ' +
      'demonstrationsvärden.',
  },
  {
    key: 'GOALS',
    text:
      'Granskarna har bedömt varje mål som programmet omfattar i samband med att rapporterna godkändes. Målen om patientsäkerhet ' +
      'och samverkan bedöms i regel som uppfyllda. Målet om tillgänglighet bedöms oftast som delvis uppfyllt, och skillnaden mellan ' +
      'egen regi och privata utförare är liten.',
  },
  {
    key: 'INDICATORS',
    text:
      'Indikatorerna redovisas som publicerade värden per driftform: antal enheter med värde, medelvärde, median och hur många som ' +
      'når årets målvärde. Värden som bygger på färre än fem fall redovisas inte.',
  },
  {
    key: 'ROUNDS',
    text:
      'Två uppföljningsomgångar genomfördes 2024, en per halvår. Andelen rapporter som lämnades in i tid ökade under andra halvåret ' +
      'efter att påminnelser skickades ut fem arbetsdagar före sista dag.',
  },
  {
    key: 'INSIGHT',
    text:
      'Allmänhetens insyn säkerställs genom publicerade resultat och genom insynsbegäran. Begäran om uppgifter från privata ' +
      'utförare vidarebefordrades inom två arbetsdagar; de flesta handlingar lämnades ut i sin helhet.',
  },
  {
    key: 'NEUTRALITY',
    text:
      'Konkurrensneutralitetsrapporten för 2024 visar ersättningen per listad person i egen regi och hos privata utförare, ' +
      'ersättningen för sistahandsansvaret och hur granskningen har fördelats. Ersättningen för sistahandsansvar redovisas öppet ' +
      'per kommun enligt villkoren i RS/383/2021.',
  },
  {
    key: 'CONCLUSIONS',
    text:
      'Regionstyrelsen föreslås ge hälso- och sjukvårdsförvaltningen i uppdrag att förbättra telefontillgängligheten i hela ' +
      'Hälsoval och att i nästa uppföljning redovisa åtgärderna per utförare. Uppföljningen av egen regi och privata utförare ' +
      'fortsätter på lika villkor.',
  },
];

const SECTIONS_2025: { key: string; text: string }[] = [
  {
    key: 'SUMMARY',
    text: 'Utkast: regionens uppföljning 2025 av alla utförare inom Hälsoval och vårdval tandvård. Texten skrivs klart när årets andra omgång är granskad.',
  },
  { key: 'ROUNDS', text: 'Utkast: två omgångar, en per halvår.' },
];

/**
 * The follow-up reports of the demo region (illustrative): the neutrality report of 2024 adopted
 * with its figures frozen, the annual report to the board of 2024 adopted and published, and a
 * draft of 2025 (whose neutrality report is left for the region to adopt). Loads after the other
 * seeds, the compensation included, because it freezes their figures. Loaded once, marked by its
 * own audit event.
 */
export async function insertDemoFollowUp(em: EntityManager): Promise<void> {
  const [done] = await em.query('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [ACTION]);
  if (done) return;
  const [reviewer] = await em.query(`SELECT id FROM app_user WHERE email = 'reviewer@insyn.example'`);
  const [existing] = await em.query('SELECT 1 FROM annual_report LIMIT 1');
  if (!reviewer || existing) return;
  // The figures read nothing but the entity manager.
  const ctx = { em } as Context;

  const neutrality2024 = await neutralityFigures(ctx, 2024);
  const adopted = { version: 1, decisionReference: 'RS/2025/0312', adoptedOn: '2025-03-20', figures: neutrality2024 };
  await em.query(
    `INSERT INTO neutrality_report (year, version, figures, decision_reference, adopted_on, adopted_by, created_at)
     VALUES (2024, 1, $1, $2, $3, $4, '2025-03-20T14:00:00Z')`,
    [JSON.stringify(neutrality2024), adopted.decisionReference, adopted.adoptedOn, reviewer.id],
  );

  const annual2024 = await annualFigures(ctx, 2024, adopted);
  // The way the region goes: a draft, adopted by the board, then published (the database lets no step be skipped).
  const [annual] = await em.query(
    `INSERT INTO annual_report (year, sections, created_by, version, created_at, updated_at)
     VALUES (2024, $1, $2, 2, '2025-02-03T09:00:00Z', '2025-03-31T15:00:00Z') RETURNING id`,
    [JSON.stringify(SECTIONS_2024), reviewer.id],
  );
  await em.query(
    `UPDATE annual_report SET status = 'ADOPTED', figures = $2, decision_reference = 'RS/2025/0415', adopted_on = '2025-04-24', adopted_by = $3,
            version = 3, updated_at = '2025-04-24T15:00:00Z' WHERE id = $1`,
    [annual.id, JSON.stringify(annual2024), reviewer.id],
  );
  await em.query(`UPDATE annual_report SET status = 'PUBLISHED', published_at = '2025-04-28T08:00:00Z', version = 4, updated_at = '2025-04-28T08:00:00Z' WHERE id = $1`, [
    annual.id,
  ]);
  await em.query(`INSERT INTO annual_report (year, sections, created_by, version) VALUES (2025, $1, $2, 2)`, [JSON.stringify(SECTIONS_2025), reviewer.id]);

  await em.query(
    `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
     VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
    [ACTION, JSON.stringify({ notice: ILLUSTRATIVE_NOTICE, neutralityReports: [2024], annualReports: { 2024: 'PUBLISHED', 2025: 'DRAFT' } })],
  );
}
