/**
 * Swedish texts of the page shown for an unknown address: part of the app's main texts (the default namespace), bundled with
 * the page's own code instead of the code every page loads. The English file must have exactly the
 * same keys (the compiler and a unit test check).
 */
const texts = {
  notFound: {
    title: 'Sidan finns inte',
    heading: 'Sidan finns inte',
    body: 'Vi hittar ingen sida med den adressen. Den kan ha flyttats, eller så är länken felskriven.',
    home: 'Gå till startsidan',
  },
};

export type PageNotFoundTexts = DeepStrings<typeof texts>;

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default texts;
