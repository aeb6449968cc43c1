import type sv from './followUp.sv';

const followUp: typeof sv = {
  title: 'System follow-up',
};

export default followUp;
