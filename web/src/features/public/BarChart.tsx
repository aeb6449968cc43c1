import type { TargetColour } from '../../gql/graphql';
import { BAR, barLayout, type BarInput } from './bars';
import { useWidth } from './useWidth';

export interface BarDatum extends BarInput {
  /** The value in words ("86 %"), or why there is none ("Färre än 5 – visas inte"). */
  valueText: string;
  colour?: TargetColour | null;
  /** A second series (median beside mean) is drawn hatched. */
  variant?: 'main' | 'alt';
}

const ICONS: Record<TargetColour, string> = { GREEN: '✓', AMBER: '–', RED: '!' };

/**
 * Horizontal bars, one per row: the name above its bar, the value in words at the bar's end (with
 * the level's icon), and the target as a vertical dashed line. An image with a name; the table
 * beside it has the same figures.
 */
export function BarChart({
  data,
  label,
  target,
  targetLabel,
  percent,
  testId,
  formatTick = String,
}: {
  data: BarDatum[];
  label: string;
  target?: number | null;
  targetLabel?: string;
  percent?: boolean;
  testId?: string;
  formatTick?: (value: number) => string;
}) {
  const { ref, width } = useWidth<HTMLDivElement>(640);
  const layout = barLayout(data, width, { target, percent });
  const { plot } = layout;
  return (
    <div className="pub-chart" ref={ref}>
      <svg width={width} height={layout.height} viewBox={`0 0 ${width} ${layout.height}`} role="img" aria-label={label} className="pub-chart__svg" data-testid={testId}>
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={tick.x} x2={tick.x} y1={plot.top - 4} y2={plot.bottom} className="pub-chart__grid" />
            <text x={tick.x} y={plot.bottom + 16} textAnchor="middle" className="pub-chart__tick">
              {formatTick(tick.value)}
            </text>
          </g>
        ))}
        {layout.rows.map(({ row, y, barX, barY, barWidth, barHeight }) => (
          <g key={row.key}>
            <text x={plot.left} y={y + BAR.label - 5} className="pub-chart__label">
              {fitLabel(row.label, width - plot.left)}
            </text>
            {row.value !== null && (
              <rect
                x={barX}
                y={barY}
                width={Math.max(barWidth, 1)}
                height={barHeight}
                className={`pub-chart__bar pub-chart__bar--${(row.colour ?? 'none').toLowerCase()}${row.variant === 'alt' ? ' pub-chart__bar--alt' : ''}`}
              />
            )}
            <text
              x={row.value !== null ? barX + barWidth + 6 : plot.left}
              y={barY + barHeight / 2}
              dy="0.32em"
              className={row.value !== null ? 'pub-chart__value' : 'pub-chart__value pub-chart__value--none'}
            >
              {row.colour && row.value !== null ? `${ICONS[row.colour]} ${row.valueText}` : row.valueText}
            </text>
          </g>
        ))}
        {layout.targetX !== null && (
          <>
            <line x1={layout.targetX} x2={layout.targetX} y1={plot.top - 8} y2={plot.bottom} className="pub-chart__target" />
            {targetLabel && (
              <text
                x={layout.targetX}
                y={plot.top - 12}
                textAnchor={layout.targetX > width - 80 ? 'end' : layout.targetX < 80 ? 'start' : 'middle'}
                className="pub-chart__target-label"
              >
                {targetLabel}
              </text>
            )}
          </>
        )}
        <line x1={plot.left} x2={plot.left} y1={plot.top - 4} y2={plot.bottom} className="pub-chart__axis" />
      </svg>
    </div>
  );
}

/** A name shortened with … to fit the width (about 7.5 px a character at 13 px); the table has it in full. */
export function fitLabel(label: string, width: number): string {
  const max = Math.max(8, Math.floor(width / 7.5));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
