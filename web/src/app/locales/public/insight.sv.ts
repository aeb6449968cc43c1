/**
 * Swedish texts of the public results pages ("public" namespace), the part for the insight-request form and its receipt.
 * Loaded only by the pages that show them; the English file must have exactly the same keys (the
 * compiler and a unit test check).
 */
const texts = {
  insight: {
    title: 'Begär insyn',
    heading: 'Begär insyn hos en utförare',
    lead: 'Du kan begära att få ta del av uppgifter om hur en utförare sköter det uppdrag den har fått av regionen. Det gäller både regionens egna enheter och privata utförare.',
    principleHeading: 'Offentlighetsprincipen och privata utförare',
    principle: 'Offentlighetsprincipen betyder att alla har rätt att ta del av allmänna handlingar hos regionen. Privata utförare omfattas inte direkt, men regionen ska enligt kommunallagen se till att allmänheten får insyn i hur de utför uppdraget. Därför kan du begära uppgifter här, och regionen hämtar in dem från utföraren.',
    whatHappensHeading: 'Vad händer när du har skickat begäran?',
    steps: {
      received: 'Regionen tar emot och registrerar din begäran.',
      forwarded: 'Gäller den en privat utförare skickar regionen begäran vidare. Utföraren ska normalt svara inom tio arbetsdagar. Egen regi svarar direkt.',
      decided: 'Regionen prövar om uppgifterna kan lämnas ut. Vissa uppgifter kan vara sekretessbelagda, till exempel affärshemligheter eller uppgifter om enskilda patienter.',
      answer: 'Du får ett beslut. Om du inte får allt du bad om får du veta varför och hur du överklagar.',
    },
    anonymous: 'Du behöver inte säga vem du är eller varför du vill ha uppgifterna.',
    formHeading: 'Din begäran',
    subject: 'Ämne',
    subjectHint: 'Kort om vad det gäller, till exempel ”Väntetider vid Hede hälsocentral”.',
    description: 'Vilka uppgifter vill du ta del av?',
    descriptionShort: 'Beskrivning',
    descriptionHint: 'Beskriv så tydligt du kan vilka uppgifter eller handlingar du vill ha. Skriv inte känsliga uppgifter om dig själv eller andra.',
    provider: 'Utförare',
    providerHint: 'Om du vet vilken utförare det gäller.',
    unit: 'Enhet',
    unitHint: 'Om det gäller en viss enhet.',
    noChoice: 'Vet inte / ingen särskild',
    email: 'E-postadress',
    emailHint: 'Om du vill få besked via e-post. Annars följer du ärendet med spårningskoden.',
    submit: 'Skicka begäran',
    submitting: 'Skickar…',
    characters: 'Högst {{max}} tecken.',
    errors: {
      subjectMissing: 'Skriv ett ämne.',
      subjectTooLong: 'Ämnet får vara högst {{max}} tecken.',
      descriptionMissing: 'Beskriv vilka uppgifter du vill ta del av.',
      descriptionTooLong: 'Beskrivningen får vara högst {{max}} tecken.',
      emailInvalid: 'Skriv en giltig e-postadress, till exempel namn@exempel.se, eller lämna fältet tomt.',
      invalidChoice: 'Välj ett alternativ i listan.',
      rateLimited: 'Du har skickat många förfrågningar på kort tid. Vänta {{wait}} och försök igen.',
      rateLimitedNoWait: 'Du har skickat många förfrågningar på kort tid. Vänta en stund och försök igen.',
      failed: 'Det gick inte att skicka begäran. Kontrollera internetanslutningen och försök igen.',
    },
    minutes_one: '{{count}} minut',
    minutes_other: '{{count}} minuter',
    seconds_one: '{{count}} sekund',
    seconds_other: '{{count}} sekunder',
    doneTitle: 'Begäran är skickad',
    doneHeading: 'Tack, vi har tagit emot din begäran',
    reference: 'Diarienummer',
    trackingCode: 'Spårningskod',
    receivedAt: 'Mottagen',
    saveCode: 'Spara spårningskoden. Du behöver den för att följa ärendet, och vi kan inte visa den igen.',
    copy: 'Kopiera koden',
    copied: 'Koden är kopierad.',
    followLink: 'Följ ärendet',
    emailNote: 'Vi skickar besked till {{email}} när något händer i ärendet.',
    newRequest: 'Skicka en ny begäran',
    statusLink: 'Har du redan en spårningskod? Se hur det går för din begäran',
  },
};

export type PublicInsightTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
