/**
 * Swedish texts of the accessibility statement: part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
    heading: 'Tillgänglighetsredogörelse för Insyn',
    intro:
      'Region Jämtland Härjedalen står bakom Insyn. Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi hur Insyn uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera problem till oss så att vi kan åtgärda dem.',
    statusHeading: 'Hur tillgänglig är Insyn?',
    status:
      'Insyn är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Målet är att hela tjänsten ska uppfylla WCAG 2.1 på nivå AA.',
    problemsHeading: 'Innehåll som inte är tillgängligt',
    problemGraphiql:
      'Utvecklarverktyget GraphiQL, där analytiker kan ställa frågor direkt mot API:et, är ett verktyg från tredje part. Det är inte fullt ut testat med skärmläsare och finns bara på engelska. Samma uppgifter finns på de vanliga sidorna i Insyn.',
    problemLanguage:
      'Program, mål, riktlinjer och indikatorer är beslutade på svenska och visas på svenska även när du har valt engelska.',
    contactHeading: 'Vad kan du göra om du inte kan använda delar av Insyn?',
    contact:
      'Om du behöver innehåll från Insyn som inte är tillgängligt för dig, kontakta oss så försöker vi ge dig uppgifterna på ett annat sätt.',
    reportHeading: 'Rapportera brister i tillgängligheten',
    report:
      'Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
    reportLink: 'Skicka e-post till {{email}}',
    reportAnswer: 'Vi svarar normalt inom fem arbetsdagar.',
    supervisionHeading: 'Tillsyn',
    supervision:
      'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
    supervisionLink: 'Anmäl bristande tillgänglighet till Digg',
    technicalHeading: 'Teknisk information om tillgängligheten',
    technical:
      'Insyn är byggd för att uppfylla nivå AA i standarden Web Content Accessibility Guidelines (WCAG) version 2.1. Sidorna fungerar med tangentbord, skärmläsare och förstoring, och går att använda i en 320 pixlar bred vy.',
    testingHeading: 'Hur vi har testat Insyn',
    testing:
      'Vi gör en egen bedömning: varje sida testas automatiskt med axe-core på svenska och engelska, i bred och smal vy, och manuellt med tangentbord. Redogörelsen uppdaterades senast {{date}}.',
    updatedDate: '2026-11-24',
  },
};

export type PageAccessibilityTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
