const compensation = {
  title: 'Ersättning för sistahandsansvar',
};

export default compensation;
