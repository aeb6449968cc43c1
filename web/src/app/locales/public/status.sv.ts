/**
 * Swedish texts of the public results pages ("public" namespace), the part for an insight request's status by tracking code.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  status: {
    title: 'Följ din begäran',
    heading: 'Följ din begäran om insyn',
    lead: 'Skriv spårningskoden du fick när du skickade begäran.',
    code: 'Spårningskod',
    codeHint: 'Koden fick du när du skickade begäran. Den ser ut som 7K2QD-9XH4M-R3T8B-W6N1P. Stora eller små bokstäver spelar ingen roll.',
    show: 'Visa status',
    searching: 'Söker…',
    codeMissing: 'Skriv spårningskoden.',
    notFound: 'Vi hittar ingen begäran med den koden. Kontrollera att du har skrivit av den rätt.',
    failed: 'Det gick inte att hämta ärendet. Kontrollera internetanslutningen och försök igen.',
    rateLimited: 'För många försök på kort tid. Vänta en stund och försök igen.',
    resultHeading: 'Ärende {{reference}}',
    subject: 'Ämne',
    currentStatus: 'Status',
    receivedAt: 'Mottagen',
    dueAt: 'Utföraren ska svara senast',
    closedAt: 'Avslutad',
    timelineHeading: 'Vad har hänt?',
    decisionHeading: 'Beslut',
    decision: 'Beslut',
    legalGround: 'Lagrum',
    decisionText: 'Motivering',
    appealHeading: 'Om du vill överklaga',
    noDecision: 'Regionen har inte fattat något beslut ännu.',
    newRequest: 'Skicka en ny begäran om insyn',
  },
  insightStatus: {
    RECEIVED: 'Mottagen',
    REGISTERED: 'Registrerad',
    FORWARDED: 'Skickad till utföraren',
    ANSWERED: 'Utföraren har svarat',
    DECIDED: 'Beslut fattat',
    CLOSED: 'Avslutad',
  },
  insightEvent: {
    SUBMITTED: 'Begäran togs emot',
    RECEIVED: 'Begäran togs emot',
    REGISTERED: 'Begäran registrerades',
    FORWARDED: 'Begäran skickades till utföraren',
    REMINDED: 'Utföraren fick en påminnelse',
    ANSWERED: 'Utföraren svarade',
    DECIDED: 'Regionen fattade beslut',
    CLOSED: 'Ärendet avslutades',
    other: 'Ärendet uppdaterades',
  },
  decision: {
    DISCLOSED: 'Uppgifterna lämnas ut',
    PARTLY_DISCLOSED: 'Uppgifterna lämnas delvis ut',
    REFUSED: 'Uppgifterna lämnas inte ut',
  },
};

export type PublicStatusTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
