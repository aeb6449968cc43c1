import type { PageIndicatorsTexts } from './indicators.sv';

/** English texts of the indicators page: the same keys as indicators.sv.ts, fetched when English is chosen. */
const texts: PageIndicatorsTexts = {
  indicators: {
    title: 'Indicators',
    heading: 'Indicators and targets',
    lead: 'The indicators measure how well providers reach the programme’s goals. Each indicator has a target for every year and a threshold for the amber level.',
    loading: 'Loading indicators…',
    none: 'There are no indicators yet.',
    code: 'Code',
    unit: 'Unit',
    direction: 'Direction',
    definition: 'Definition',
    goal: 'Goal',
    source: 'Source',
    noGoal: 'Not linked to a goal',
    targetsCaption: 'Targets by year for {{name}}',
    year: 'Year',
    target: 'Target',
    amberThreshold: 'Amber threshold',
    currentYear: '(this year)',
    noTargets: 'No targets have been set.',
    legendHigher:
      'Green: at least the target. Amber: from the amber threshold up to the target. Red: below the amber threshold.',
    legendLower:
      'Green: at most the target. Amber: above the target but at most the amber threshold. Red: above the amber threshold.',
    areaCount_one: '{{count}} indicator',
    areaCount_other: '{{count}} indicators',
  },
};

export default texts;
