const followUp = {
  title: 'Systemuppföljning',
};

export default followUp;
