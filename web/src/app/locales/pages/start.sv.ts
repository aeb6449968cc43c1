/**
 * Swedish texts of the start page: part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  start: {
    title: 'Insyn – Region Jämtland Härjedalen',
    heading: 'Insyn i vården som regionen ansvarar för',
    lead: 'Här kan alla se hur regionens utförare av hälso- och sjukvård och tandvård följs upp. Samma mål, samma riktlinjer och samma uppföljning gäller för regionens egna enheter och för privata utförare.',
    equalTerms: 'Egen regi och privata utförare på lika villkor',
    equalTermsBody:
      'Sedan 1 juli 2024 omfattar fullmäktiges program alla utförare, även regionens egen regi. Resultaten redovisas sida vid sida, så att du kan jämföra.',
    programLabel: 'Gällande program',
    programLoading: 'Hämtar gällande program…',
    programMissing: 'Inget program är antaget ännu.',
    programLink: 'Läs programmet',
    cardsHeading: 'Det här hittar du i Insyn',
    cardProgram: 'Fullmäktiges mål och riktlinjer för alla utförare, och de beslut som styr uppföljningen.',
    cardIndicators: 'Vad som mäts, hur det mäts och vilka målvärden som gäller varje år.',
    cardProviders: 'Alla utförare – egen regi, privata, kommunala bolag och idéburna – med enheter och avtal.',
    cardAccessibility: 'Hur tillgänglig Insyn är och hur du rapporterar brister.',
  },
};

export type PageStartTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
