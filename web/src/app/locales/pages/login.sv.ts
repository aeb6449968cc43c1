/**
 * Swedish texts of the login page: part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  login: {
    title: 'Logga in',
    heading: 'Logga in',
    lead: 'För regionens handläggare, administratörer, revisorer och analytiker och för utförarnas personal. Allmänheten behöver inte logga in för att se program, indikatorer och utförare.',
    needed: 'Logga in för att se sidan du sökte.',
    email: 'E-postadress',
    password: 'Lösenord',
    showPassword: 'Visa lösenordet',
    submit: 'Logga in',
    submitting: 'Loggar in…',
    emailMissing: 'Ange din e-postadress.',
    passwordMissing: 'Ange ditt lösenord.',
    failed: 'Fel e-postadress eller lösenord. Kontrollera uppgifterna och försök igen.',
    rateLimited: 'För många misslyckade inloggningar. Vänta {{wait}} och försök sedan igen.',
    unavailable: 'Det gick inte att nå Insyn just nu. Kontrollera din internetanslutning och försök igen.',
    loggedOut: 'Du är nu utloggad.',
    alreadySignedIn: 'Du är redan inloggad som {{name}}.',
    continue: 'Fortsätt',
    forgotHeading: 'Glömt lösenordet?',
    forgot: 'Kontakta regionens administratör. Du får ett tillfälligt lösenord som du byter första gången du loggar in.',
  },
  duration: {
    seconds_one: '{{count}} sekund',
    seconds_other: '{{count}} sekunder',
    minutes_one: '{{count}} minut',
    minutes_other: '{{count}} minuter',
  },
};

export type PageLoginTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
