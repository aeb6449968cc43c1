import { linearScale, ticks, valueDomain } from './scale';

export interface TrendInput {
  key: string;
  value: number | null;
  target: number | null;
}

export interface TrendPoint extends TrendInput {
  x: number;
  /** Null when the value is not shown (suppressed or missing). */
  y: number | null;
  targetY: number | null;
}

export interface TrendLayout {
  points: TrendPoint[];
  /** The line through the shown values: one path part per run of consecutive values. */
  valuePath: string;
  /** The target per period, as a dashed line (targets change between years). */
  targetPath: string;
  ticks: { value: number; y: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Points, line and target line of a trend chart of the given pixel size. */
export function trendLayout(
  input: readonly TrendInput[],
  size: { width: number; height: number },
  options: { percent?: boolean; margin?: { left: number; right: number; top: number; bottom: number } } = {},
): TrendLayout {
  const margin = options.margin ?? { left: 48, right: 16, top: 24, bottom: 36 };
  const plot = { left: margin.left, right: size.width - margin.right, top: margin.top, bottom: size.height - margin.bottom };
  const domain = valueDomain(
    input.flatMap((p) => [p.value, p.target]),
    { percent: options.percent },
  );
  const y = linearScale(domain, [plot.bottom, plot.top]);
  const n = input.length;
  const step = n > 1 ? (plot.right - plot.left) / (n - 1) : 0;
  const points = input.map((p, i) => ({
    ...p,
    x: n > 1 ? plot.left + i * step : (plot.left + plot.right) / 2,
    y: p.value === null ? null : y(p.value),
    targetY: p.target === null ? null : y(p.target),
  }));
  return {
    points,
    valuePath: pathThrough(points.map((p) => (p.y === null ? null : [p.x, p.y]))),
    targetPath: pathThrough(points.map((p) => (p.targetY === null ? null : [p.x, p.targetY]))),
    ticks: ticks(domain).map((value) => ({ value, y: y(value) })),
    plot,
  };
}

/** An SVG path through the points; a gap (null) starts a new part. */
export function pathThrough(points: readonly ([number, number] | null)[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${round(point[0])} ${round(point[1])}`);
    drawing = true;
  }
  return parts.join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
