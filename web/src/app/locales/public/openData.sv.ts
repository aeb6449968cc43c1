/**
 * Swedish texts of the public results pages ("public" namespace), the part for the open data page.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  openData: {
    title: 'Öppna data',
    heading: 'Öppna data',
    lead: 'Alla publicerade resultat finns som öppna data. Du får använda dem fritt, till exempel i egna analyser, appar eller kalkylark.',
    whatHeading: 'Vad innehåller filerna?',
    what: 'En rad per publicerat värde: indikator, period, utförare, driftform, enhet och kommun, värdet och årets målvärde. Samma regler gäller som på webbplatsen: värden som bygger på färre än 5 personer visas inte, och sekretessbelagda uppgifter publiceras aldrig. Ett rättat värde finns med i sin senaste version.',
    downloadHeading: 'Ladda ner',
    csv: 'Resultat som CSV (för kalkylprogram)',
    json: 'Resultat som JSON (för programmering)',
    csvNote: 'CSV-filen är kodad i UTF-8, har kommatecken som avgränsare och punkt som decimaltecken, och första raden innehåller kolumnnamnen.',
    updated: 'Filerna skapas när du laddar ner dem och innehåller alltid det som är publicerat just då.',
    licenceHeading: 'Licens',
    licence: 'Uppgifterna är fria att använda enligt CC0 1.0 Universal. Du behöver inte be om lov och inte ange källa, men vi blir glada om du skriver ”Källa: Region Jämtland Härjedalen, Insyn”.',
    licenceLink: 'Läs licensen CC0 1.0 (öppnas på creativecommons.org)',
    columnsHeading: 'Kolumner',
    columnsCaption: 'Kolumnerna i filerna',
    column: 'Kolumn',
    description: 'Beskrivning',
    columns: {
      id: 'Värdets id. Det är detsamma även när värdet rättas, så att du kan koppla ihop versioner.',
      indicatorCode: 'Indikatorns kod, till exempel TEL-SAMEDAY. Indikatorerna beskrivs på sidan Indikatorer.',
      indicatorName: 'Indikatorns namn.',
      period: 'Perioden värdet gäller, till exempel 2025 eller 2025-H1 (första halvåret).',
      providerId: 'Utförarens id i Insyn.',
      providerName: 'Utförarens namn.',
      ownership: 'Driftform: IN_HOUSE (egen regi), PRIVATE (privat), PUBLIC_COMPANY (kommunalt bolag) eller NON_PROFIT (idéburen).',
      unitId: 'Enhetens id i Insyn. Tom när utföraren redovisar flera enheter gemensamt.',
      unitName: 'Enhetens namn. Tom när utföraren redovisar flera enheter gemensamt.',
      municipalityCode: 'Kommunens fyrsiffriga kod från SCB, till exempel 2380 för Östersund.',
      municipalityName: 'Kommunens namn.',
      value: 'Värdet i indikatorns enhet (procent, antal per 1 000 och så vidare). Tom när värdet inte visas.',
      numerator: 'Täljaren, för indikatorer som är en andel eller ett antal per 1 000 (till exempel antal besvarade samtal). Tom när värdet inte visas.',
      denominator: 'Nämnaren, för indikatorer som är en andel eller ett antal per 1 000 (till exempel alla samtal). Tom när värdet inte visas.',
      target: 'Målvärdet för periodens år. Tom när inget mål är satt.',
      suppressed: 'true när värdet inte visas för att det bygger på färre än 5 personer, annars false.',
      status: 'Rapportens status. PUBLISHED för publicerade värden.',
      publishedAt: 'När värdet publicerades eller senast rättades (ISO 8601, UTC).',
      updatedAt: 'När raden senast ändrades (ISO 8601, UTC). Använd den för att bara hämta det som är nytt.',
    },
    apiHeading: 'För utvecklare',
    api: 'Samma uppgifter går att hämta med frågor mot Insyns öppna GraphQL-API.',
    apiLink: 'Prova API:et i GraphiQL',
  },
};

export type PublicOpenDataTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
