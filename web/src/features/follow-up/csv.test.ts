import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

describe('CSV of a report table', () => {
  it('separates with semicolons, quotes what needs it, leaves empty cells empty and starts with a BOM', () => {
    expect(toCsv(['Kommun', 'Kr per listad'], [['Östersund', 620.5], ['Berg; Åre', null], ['"Citat"', 0]])).toBe(
      '\uFEFFKommun;Kr per listad\r\nÖstersund;620.5\r\n"Berg; Åre";\r\n"""Citat""";0\r\n',
    );
  });

  it('never lets a text cell start a spreadsheet formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], [-5]])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n');
  });

  it('names the file after the table', () => {
    expect(csvFileName('Konkurrensneutralitet 2024 – ersättning per listad')).toBe('konkurrensneutralitet-2024-ersattning-per-listad.csv');
  });
});
