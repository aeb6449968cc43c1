/**
 * Scales and layouts for the public charts: plain functions, so they are tested without a
 * browser. The charts are drawn in the pixel size they are shown at, so their text stays
 * readable from 320 px up; every chart has a table with the same figures beside it.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 or 10 × 10^k) at or above the value. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Guard against floating point dust (0.30000000000000004).
    if (candidate >= value - power * 1e-9) return Number(candidate.toPrecision(12));
  }
  return 10 * power;
}

/**
 * The value axis of a chart: from zero (bars and lines start from zero, so differences are not
 * exaggerated) to a nice number at or above every value and the target. Percentages stop at 100
 * unless a value goes beyond.
 */
export function valueDomain(values: readonly (number | null | undefined)[], options: { percent?: boolean } = {}): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const max = finite.length ? Math.max(...finite) : 0;
  const min = finite.length ? Math.min(...finite) : 0;
  const low = min < 0 ? -niceCeil(-min) : 0;
  if (options.percent && max <= 100) return [low, max > 50 ? 100 : niceCeil(max)];
  return [low, max <= 0 ? 1 : niceCeil(max)];
}

/** A linear map from the domain to the range; a domain of one point maps to the range's start. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Evenly spaced ticks over the domain: about `count` of them, on nice steps. */
export function ticks([d0, d1]: readonly [number, number], count = 4): number[] {
  if (d1 <= d0 || count < 1) return [d0];
  const step = niceCeil((d1 - d0) / count);
  const first = Math.ceil(d0 / step) * step;
  const result: number[] = [];
  for (let v = first; v <= d1 + step * 1e-9; v += step) result.push(Number(v.toPrecision(12)));
  return result;
}
