import pg from 'pg';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the
// server's time zone. numeric and bigint become JS numbers (all Insyn amounts and counts fit).
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
