import type { TargetColour } from '../../gql/graphql';
import { trendLayout, type TrendInput } from './trend';
import { useWidth } from './useWidth';

export interface TrendDatum extends TrendInput {
  label: string;
  valueText: string;
  colour: TargetColour | null;
}

/**
 * A small line chart of one indicator over the periods, with the target as a dashed line. It is
 * an image with a name (role="img"); the same figures are in the table next to it.
 */
export function TrendChart({
  data,
  label,
  percent,
  targetLabel,
  valueLabel,
  formatTick = String,
}: {
  data: TrendDatum[];
  label: string;
  percent?: boolean;
  targetLabel: string;
  valueLabel: string;
  formatTick?: (value: number) => string;
}) {
  const { ref, width } = useWidth<HTMLDivElement>(480);
  const height = 200;
  const layout = trendLayout(data, { width, height }, { percent });
  const { plot } = layout;
  // On a narrow screen, label every second or third point (always the last); the table has them all.
  const step = data.length > 1 ? (plot.right - plot.left) / (data.length - 1) : Infinity;
  const every = step >= 64 ? 1 : Math.ceil(64 / step);
  const labelled = (i: number) => i === data.length - 1 || (i % every === 0 && data.length - 1 - i >= every);
  return (
    <div className="pub-chart" ref={ref}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="pub-chart__svg" data-testid="trend-chart">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="pub-chart__grid" />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end" className="pub-chart__tick">
              {formatTick(tick.value)}
            </text>
          </g>
        ))}
        {layout.targetPath && <path d={layout.targetPath} className="pub-chart__target" />}
        {layout.valuePath && <path d={layout.valuePath} className="pub-chart__line" />}
        {layout.points.map((p, i) => {
          const datum = data[i]!;
          return (
            <g key={p.key}>
              {p.y !== null && (
                <>
                  <circle cx={p.x} cy={p.y} r={5} className={`pub-chart__dot pub-chart__dot--${(datum.colour ?? 'none').toLowerCase()}`} />
                  {labelled(i) && <text x={p.x} y={p.y - 10} textAnchor={anchor(i, data.length)} className="pub-chart__value">
                    {datum.valueText}
                  </text>}
                </>
              )}
              {labelled(i) && <text x={p.x} y={plot.bottom + 20} textAnchor={anchor(i, data.length)} className="pub-chart__tick">
                {datum.label}
              </text>}
            </g>
          );
        })}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="pub-chart__axis" />
      </svg>
      <ul className="pub-chart-legend" aria-hidden="true">
        <li className="pub-chart-legend__value">{valueLabel}</li>
        {targetLabel && <li className="pub-chart-legend__target">{targetLabel}</li>}
      </ul>
    </div>
  );
}

/** The first label starts at its point and the last ends there, so neither is cut off. */
function anchor(index: number, count: number): 'start' | 'middle' | 'end' {
  if (count > 1 && index === 0) return 'start';
  if (count > 1 && index === count - 1) return 'end';
  return 'middle';
}
