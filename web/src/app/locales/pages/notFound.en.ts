import type { PageNotFoundTexts } from './notFound.sv';

/** English texts of the page shown for an unknown address: the same keys as notFound.sv.ts, fetched when English is chosen. */
const texts: PageNotFoundTexts = {
  notFound: {
    title: 'Page not found',
    heading: 'Page not found',
    body: 'We cannot find a page at this address. It may have moved, or the link may be mistyped.',
    home: 'Go to the start page',
  },
};

export default texts;
