import type { PublicSharedTexts } from './shared.sv';

/** English texts of the public results pages, the part for what every public results page shows: the breadcrumb, values, levels against the target and periods: the same keys as shared.sv.ts. */
const texts: PublicSharedTexts = {
  common: {
    breadcrumb: 'You are here',
    start: 'Home',
    loading: 'Loading…',
    none: '–',
    period: 'Period',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    level: 'Against the target',
    unit: 'Unit',
    provider: 'Provider',
    ownership: 'Ownership',
    kind: 'Type',
    municipality: 'Municipality',
    allMunicipalities: 'All municipalities',
    allOwnerships: 'All forms of ownership',
    yes: 'Yes',
    no: 'No',
    noTarget: 'No target',
    publishedAt: 'Published {{date}}',
    demoNotice: 'The figures in this demo are made-up examples.',
    directionHigher: 'A higher value is better.',
    directionLower: 'A lower value is better.',
  },
  level: {
    GREEN: 'Meets the target',
    AMBER: 'Close to the target',
    RED: 'Does not meet the target',
    NONE: 'No target to compare with',
    legendHeading: 'How to read the colours',
    legend: 'Each value is compared with the year’s target. The colour only repeats the words next to it:',
  },
  suppressed: {
    label: 'Fewer than 5 – not shown',
    SMALL_COUNT: 'The value is based on fewer than 5 people or events. It is not shown, so that no individual can be identified.',
    other: 'The value is not shown to protect individuals.',
  },
  period: {
    H: '{{year}}, half {{n}}',
    T: '{{year}}, four-month period {{n}}',
    Q: '{{year}}, quarter {{n}}',
  },
};

export default texts;
