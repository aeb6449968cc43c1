import { linearScale, ticks, valueDomain } from './scale';

export interface BarInput {
  key: string;
  label: string;
  value: number | null;
}

export interface BarRow<T extends BarInput> {
  row: T;
  /** Top of the row's label line. */
  y: number;
  /** The bar: from the zero line to the value (empty when no value is shown). */
  barX: number;
  barY: number;
  barWidth: number;
  barHeight: number;
}

export interface BarLayout<T extends BarInput> {
  rows: BarRow<T>[];
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  targetX: number | null;
  ticks: { value: number; x: number }[];
  x: (value: number) => number;
}

export const BAR = { label: 18, bar: 16, gap: 12, top: 28, bottom: 28, valueRoom: 96 };

/**
 * Horizontal bars, one row per item: the name on its own line, the bar below it, room for the
 * value's text at the bar's end. The target is a vertical line across all rows.
 */
export function barLayout<T extends BarInput>(
  input: readonly T[],
  width: number,
  options: { target?: number | null; percent?: boolean; left?: number } = {},
): BarLayout<T> {
  const left = options.left ?? 8;
  const plot = { left, right: Math.max(left + 40, width - BAR.valueRoom), top: BAR.top, bottom: 0 };
  const domain = valueDomain([...input.map((r) => r.value), options.target ?? null], { percent: options.percent });
  const x = linearScale(domain, [plot.left, plot.right]);
  const zero = x(Math.max(domain[0], 0));
  const rowHeight = BAR.label + BAR.bar + BAR.gap;
  const rows = input.map((row, i) => {
    const y = plot.top + i * rowHeight;
    const end = row.value === null ? zero : x(row.value);
    return {
      row,
      y,
      barX: Math.min(zero, end),
      barY: y + BAR.label,
      barWidth: Math.abs(end - zero),
      barHeight: BAR.bar,
    };
  });
  plot.bottom = plot.top + input.length * rowHeight;
  return {
    rows,
    height: plot.bottom + BAR.bottom,
    plot,
    targetX: options.target === null || options.target === undefined ? null : x(options.target),
    ticks: ticks(domain).map((value) => ({ value, x: x(value) })),
    x,
  };
}
