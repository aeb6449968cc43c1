import type { PublicCompareTexts } from './compare.sv';

/** English texts of the public results pages, the part for the comparison of units: the same keys as compare.sv.ts. */
const texts: PublicCompareTexts = {
  compare: {
    title: 'Compare units',
    heading: 'Compare units',
    lead: 'Choose an indicator and a period to see all units side by side, and how in-house and private providers do on average.',
    pickersHeading: 'Choose what to compare',
    indicatorLabel: 'Indicator',
    periodLabel: 'Period',
    municipalityLabel: 'Municipality',
    chooseIndicator: 'Choose an indicator',
    choosePeriod: 'Choose a period',
    show: 'Show',
    loading: 'Loading the comparison…',
    pickFirst: 'Choose an indicator and a period.',
    noPublished: 'There are no published results to compare yet.',
    empty: 'There are no published values for this choice.',
    unitsHeading: 'All units',
    unitsChartLabel: '{{indicator}} {{period}} by unit, with the target as a vertical line. The same figures are in the table.',
    unitsCaption: '{{indicator}}, {{period}}, by unit',
    aggregatesHeading: 'By ownership',
    aggregatesLead: 'Number of units with a shown value, mean and median by ownership. Values that are not shown (fewer than 5) are not counted.',
    aggregatesChartLabel: 'Mean and median by ownership. The same figures are in the table.',
    aggregatesCaption: '{{indicator}}, {{period}}, by ownership',
    count: 'Number of units',
    mean: 'Mean',
    median: 'Median',
    targetLine: 'Target {{value}}',
    result: 'Comparison: {{indicator}}, {{period}}',
    resultIn: 'Comparison: {{indicator}}, {{period}}, {{municipality}}',
    direction: 'Direction',
  },
};

export default texts;
