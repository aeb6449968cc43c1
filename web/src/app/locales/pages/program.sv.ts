/**
 * Swedish texts of the program page (and the program on the start page): part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  program: {
    title: 'Program',
    heading: 'Program för utförare',
    lead: 'Fullmäktige beslutar varje mandatperiod om ett program med mål och riktlinjer för alla som utför regionens uppdrag, hur de följs upp och hur allmänhetens insyn tillgodoses (kommunallagen 5 kap. 3 §).',
    loading: 'Hämtar programmet…',
    none: 'Det finns inget program att visa ännu.',
    term: 'Mandatperiod',
    status: 'Status',
    version: 'Version',
    goalsHeading: 'Mål',
    goalsLead: 'Målen gäller alla utförare, i egen regi och privata.',
    goalCategory: 'Område',
    goalGuidelines: 'Riktlinjer för målet',
    goalIndicators: 'Mäts med',
    guidelinesHeading: 'Riktlinjer',
    guidelinesLead: 'Riktlinjerna anger vad utförarna ska eller bör göra.',
    guidelineGoal: 'Mål',
    guidelineNoGoal: 'Inte kopplad till ett enskilt mål',
    obligation: 'Krav',
    documentsHeading: 'Beslut som styr Insyn',
    documentsLead: 'Fullmäktiges beslut som uppföljningen och insynen bygger på.',
    documentKind: 'Typ',
    documentsNone: 'Inga beslut är registrerade.',
  },
};

export type PageProgramTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
