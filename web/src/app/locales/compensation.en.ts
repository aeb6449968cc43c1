import type sv from './compensation.sv';

const compensation: typeof sv = {
  title: 'Compensation for last-resort responsibility',
};

export default compensation;
