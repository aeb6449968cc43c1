/**
 * Working days in Sweden: Monday to Friday, except public holidays (allmänna helgdagar that fall on
 * a weekday) and the eves that are days off in practice (midsommarafton, julafton, nyårsafton).
 * Dates are calendar dates (UTC midnight) in Swedish time.
 */

function easterSunday(year: number): Date {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const DAY = 86_400_000;
const key = (d: Date) => d.toISOString().slice(0, 10);
const cache = new Map<number, Set<string>>();

/** Days off on weekdays in a year, as YYYY-MM-DD. */
export function swedishHolidays(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year).getTime();
  const fixed = ['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31'].map((md) => `${year}-${md}`);
  const moving = [easter - 2 * DAY, easter + DAY, easter + 39 * DAY].map((t) => key(new Date(t))); // långfredag, annandag påsk, Kristi himmelsfärd
  // Midsommarafton: the Friday between 19 and 25 June.
  const midsummerEve = [19, 20, 21, 22, 23, 24, 25].map((d) => new Date(Date.UTC(year, 5, d))).find((d) => d.getUTCDay() === 5)!;
  const days = new Set([...fixed, ...moving, key(midsummerEve)]);
  cache.set(year, days);
  return days;
}

export function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6 && !swedishHolidays(date.getUTCFullYear()).has(key(date));
}

/** The calendar date in Sweden of an instant (UTC midnight of that date). */
function swedishDate(at: Date): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * The instant `n` working days after `from`: the same time of day on the n-th working day after
 * the Swedish date of `from`.
 */
export function addWorkingDays(from: Date, n: number): Date {
  const start = swedishDate(from);
  let date = start;
  let left = n;
  while (left > 0) {
    date = new Date(date.getTime() + DAY);
    if (isWorkingDay(date)) left--;
  }
  return new Date(from.getTime() + (date.getTime() - start.getTime()));
}

/** The calendar date ("YYYY-MM-DD") `n` working days after the date `from` ("YYYY-MM-DD"). */
export function addWorkingDaysToDate(from: string, n: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  let date = new Date(Date.UTC(y, m - 1, d));
  let left = n;
  while (left > 0) {
    date = new Date(date.getTime() + DAY);
    if (isWorkingDay(date)) left--;
  }
  return key(date);
}

/** Working days a private provider has to answer a forwarded insight request, unless the region sets another date. */
export const INSIGHT_ANSWER_WORKING_DAYS = 10;
