import type { EntityManager } from 'typeorm';

/**
 * The equal-conditions rules (RS/383/2021) in three versions: the council decision of 2021 and two
 * adjustments by the board, which the council delegated. ILLUSTRATIVE: the document and its
 * reference are real, but these condition texts, later decisions and dates are made-up examples
 * written for the demo, not the region's adopted wording.
 */
export const CONDITIONS_SEED_ACTION = 'DEMO_CONDITIONS_LOADED';

export const CONDITIONS_NOTICE =
  'Demodata: villkorstexterna, justeringsbesluten och datumen är påhittade exempel; dokumentet RS/383/2021 finns på riktigt.';

interface DemoCondition {
  code: string;
  heading: string;
  text: string;
}

interface DemoVersion {
  decisionReference: string;
  decidedBy: string;
  decidedAt: string;
  note: string;
  conditions: DemoCondition[];
}

const v1: DemoCondition[] = [
  {
    code: 'V1',
    heading: 'Samma ersättningsregler',
    text: 'Utförare i egen regi och privata utförare ersätts enligt samma ersättningsmodell i förfrågningsunderlaget, med samma kapitering, besöksersättning och målrelaterade ersättning.',
  },
  {
    code: 'V2',
    heading: 'Samma krav och uppföljning',
    text: 'Alla utförare har samma uppdrag och följs upp med samma indikatorer, samma egenkontroll och samma tidplan. Uppföljningen redovisas årligen till regionstyrelsen.',
  },
  {
    code: 'V3',
    heading: 'Information till invånarna',
    text: 'Regionen informerar invånarna om alla utförare på samma sätt och med samma utrymme, så att valet av hälsocentral eller tandklinik kan göras på likvärdiga grunder.',
  },
  {
    code: 'V4',
    heading: 'Sistahandsansvar',
    text: 'Regionen är huvudman och har sistahandsansvar. Egen regi upprätthåller en hälsocentral i varje kommun där ingen annan utförare finns.',
  },
  {
    code: 'V5',
    heading: 'Ersättning för sistahandsansvaret',
    text: 'Merkostnaden för sistahandsansvaret ersätts genom ett särskilt beslut och redovisas separat från vårdvalsersättningen.',
  },
  {
    code: 'V6',
    heading: 'Konkurrensneutralitet',
    text: 'Egen regi får inte finansiera sin vårdvalsverksamhet med andra anslag än vårdvalsersättningen. Gemensamma kostnader fördelas enligt en redovisad princip.',
  },
  {
    code: 'V7',
    heading: 'Momskompensation',
    text: 'Privata utförare får kompensation för ingående mervärdesskatt enligt samma principer som gäller för regionens egna enheter.',
  },
  {
    code: 'V8',
    heading: 'Allmänhetens insyn',
    text: 'Alla utförare lämnar de uppgifter som behövs för att allmänheten ska få insyn i verksamheten, enligt kommunallagen 10 kap. 9 §.',
  },
];

const v2: DemoCondition[] = [
  v1[0],
  {
    ...v1[1],
    text: 'Alla utförare har samma uppdrag och följs upp med samma indikatorer, samma egenkontroll och samma tidplan. Uppföljningen och granskningens utfall per driftsform redovisas årligen till regionstyrelsen.',
  },
  v1[2],
  v1[3],
  {
    ...v1[4],
    text: 'Merkostnaden för sistahandsansvaret ersätts genom ett årligt beslut av regionstyrelsen, beräknas med en redovisad metod och redovisas öppet och separat från vårdvalsersättningen.',
  },
  v1[5],
  v1[6],
  v1[7],
  {
    code: 'V9',
    heading: 'Tillgång till gemensamma system',
    text: 'Alla utförare får tillgång till regionens journalsystem, beslutsstöd och utbildningar på samma villkor och till samma pris.',
  },
];

const v3: DemoCondition[] = [
  v2[0],
  v2[1],
  {
    ...v2[2],
    text: 'Regionen informerar invånarna om alla utförare på samma sätt och med samma utrymme, på 1177 och i tryckt material, så att valet av hälsocentral eller tandklinik kan göras på likvärdiga grunder.',
  },
  {
    ...v2[3],
    text: 'Regionen är huvudman och har sistahandsansvar. Egen regi upprätthåller en hälsocentral i varje kommun och en folktandvårdsklinik där barn och unga vuxna annars saknar tandvård.',
  },
  v2[4],
  {
    ...v2[5],
    heading: 'Konkurrensneutralitet och redovisning',
    text: 'Egen regi får inte finansiera sin vårdvalsverksamhet med andra anslag än vårdvalsersättningen. Gemensamma kostnader fördelas enligt en redovisad princip, och en konkurrensneutralitetsredovisning publiceras varje år.',
  },
  v2[6],
  v2[7],
  v2[8],
];

export const demoConditionVersions: DemoVersion[] = [
  {
    decisionReference: 'RS/383/2021',
    decidedBy: 'Regionfullmäktige',
    decidedAt: '2021-06-16',
    note: 'Fullmäktiges beslut om likvärdiga villkor. Justeringar delegeras till regionstyrelsen.',
    conditions: v1,
  },
  {
    decisionReference: 'RS/412/2023',
    decidedBy: 'Regionstyrelsen',
    decidedAt: '2023-04-25',
    note: 'Årligt beslut om ersättningen för sistahandsansvaret, granskningens utfall per driftsform och ett nytt villkor om gemensamma system.',
    conditions: v2,
  },
  {
    decisionReference: 'RS/198/2025',
    decidedBy: 'Regionstyrelsen',
    decidedAt: '2025-03-18',
    note: 'Sistahandsansvaret omfattar barn- och ungdomstandvården, och konkurrensneutralitetsredovisningen publiceras varje år.',
    conditions: v3,
  },
];

/** Loads the versions once, recorded by their own audit marker. */
export async function insertDemoConditions(em: EntityManager): Promise<void> {
  const [done] = await em.query('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [CONDITIONS_SEED_ACTION]);
  if (done) return;
  const [doc] = await em.query(`SELECT id FROM governing_document WHERE kind = 'EQUAL_CONDITIONS' AND decision_reference = 'RS/383/2021' LIMIT 1`);
  if (!doc) return;
  const [{ n }] = await em.query('SELECT count(*)::int AS n FROM governing_document_version WHERE document_id = $1', [doc.id]);
  if (n === 0) {
    for (const [i, v] of demoConditionVersions.entries()) {
      const [row] = await em.query(
        `INSERT INTO governing_document_version (document_id, version, decision_reference, decided_by, decided_at, note)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [doc.id, i + 1, v.decisionReference, v.decidedBy, v.decidedAt, v.note],
      );
      for (const [position, c] of v.conditions.entries()) {
        await em.query(
          `INSERT INTO governing_document_condition (version_id, position, code, heading, text) VALUES ($1, $2, $3, $4, $5)`,
          [row.id, position, c.code, c.heading, c.text],
        );
      }
    }
  }
  await em.query(
    `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
     VALUES ('system:demo-seed', $1, 'GoverningDocument', $2, $3)`,
    [CONDITIONS_SEED_ACTION, doc.id, JSON.stringify({ notice: CONDITIONS_NOTICE, versions: demoConditionVersions.length })],
  );
}
