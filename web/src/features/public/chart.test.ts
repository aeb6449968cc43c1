import { describe, expect, it } from 'vitest';
import { barLayout } from './bars';
import { fitLabel } from './BarChart';
import { linearScale, niceCeil, ticks, valueDomain } from './scale';
import { pathThrough, trendLayout } from './trend';

describe('scales', () => {
  it('rounds up to nice numbers', () => {
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(23)).toBe(25);
    expect(niceCeil(250)).toBe(250);
    expect(niceCeil(296.3)).toBe(500);
    expect(niceCeil(0)).toBe(1);
  });

  it('starts the value axis at zero and stops percentages at 100', () => {
    expect(valueDomain([86.3, 92, null], { percent: true })).toEqual([0, 100]);
    expect(valueDomain([12, 30], { percent: true })).toEqual([0, 50]);
    expect(valueDomain([289.2, 250])).toEqual([0, 500]);
    expect(valueDomain([])).toEqual([0, 1]);
    expect(valueDomain([-3, 8])).toEqual([-5, 10]);
  });

  it('maps linearly, and ticks fall on nice steps', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect(x(0)).toBe(10);
    expect(x(50)).toBe(110);
    expect(x(100)).toBe(210);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(0);
    expect(ticks([0, 100])).toEqual([0, 25, 50, 75, 100]);
    expect(ticks([0, 500])).toEqual([0, 200, 400]);
  });
});

describe('trend chart layout', () => {
  const input = [
    { key: '2024-H1', value: 80, target: 90 },
    { key: '2024-H2', value: null, target: 90 },
    { key: '2025-H1', value: 85, target: 92 },
    { key: '2025-H2', value: 95, target: 92 },
  ];

  it('spreads the periods over the width and breaks the line where a value is not shown', () => {
    const layout = trendLayout(input, { width: 400, height: 200 }, { percent: true, margin: { left: 40, right: 20, top: 20, bottom: 30 } });
    expect(layout.points.map((p) => Math.round(p.x * 10) / 10)).toEqual([40, 153.3, 266.7, 380]);
    expect(layout.points[1]!.y).toBeNull();
    // 0..100 over 170..20: 80 % sits at 50.
    expect(layout.points[0]!.y).toBe(50);
    expect(layout.valuePath).toBe('M40 50 M266.7 42.5 L380 27.5');
    expect(layout.targetPath.startsWith('M40 35 L153.3 35 L266.7 32')).toBe(true);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('puts a single period in the middle', () => {
    const layout = trendLayout([{ key: '2025', value: 3, target: null }], { width: 300, height: 100 }, { margin: { left: 0, right: 0, top: 0, bottom: 0 } });
    expect(layout.points[0]!.x).toBe(150);
    expect(layout.targetPath).toBe('');
  });

  it('draws paths through runs of points', () => {
    expect(pathThrough([[0, 0], [1, 1], null, [3, 3]])).toBe('M0 0 L1 1 M3 3');
    expect(pathThrough([null, null])).toBe('');
  });
});

describe('bar chart layout', () => {
  it('gives each row a label line and a bar from zero, none for a value that is not shown, and the target as a line', () => {
    const rows = [
      { key: 'a', label: 'A', value: 50 },
      { key: 'b', label: 'B', value: null },
      { key: 'c', label: 'C', value: 100 },
    ];
    const layout = barLayout(rows, 608, { target: 90, percent: true, left: 8 });
    // Plot from 8 to 608 - 96 = 512: 100 % is 504 px wide.
    expect(layout.plot).toMatchObject({ left: 8, right: 512 });
    expect(layout.rows[0]).toMatchObject({ barX: 8, barWidth: 252 });
    expect(layout.rows[1]).toMatchObject({ barWidth: 0 });
    expect(layout.rows[2]).toMatchObject({ barWidth: 504 });
    expect(layout.rows[1]!.y - layout.rows[0]!.y).toBe(46);
    expect(layout.targetX).toBeCloseTo(8 + 0.9 * 504);
    expect(layout.height).toBe(28 + 3 * 46 + 28);
  });

  it('shortens names that would not fit', () => {
    expect(fitLabel('Brittsbo hälsocentral', 600)).toBe('Brittsbo hälsocentral');
    expect(fitLabel('Hammerdals hälsocentral, Hotings hälsocentral, Offerdals hälsocentral', 280)).toBe('Hammerdals hälsocentral, Hotings häl…');
  });
});
