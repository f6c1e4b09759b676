import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAR_CHART_PLOT_HEIGHT, type BarChartSeries, svgBarChart } from '../../src/cli/svgBarChart.js';
import { Decimal, ZERO } from '../../src/core/internal/decimal.js';

interface Bar {
  readonly series: string;
  readonly amount: Decimal;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

function bars(svg: string): Bar[] {
  return [
    ...svg.matchAll(
      /<rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="[^"]*" data-series="([^"]*)" data-amount="([^"]*)">/g,
    ),
  ].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    height: Number(match[3]),
    series: match[4]!,
    amount: new Decimal(match[5]!),
  }));
}

function scaleOf(svg: string): Decimal {
  return new Decimal(/data-scale="([^"]+)"/.exec(svg)![1]!);
}

const up = (id: string, values: number[]): BarChartSeries => ({
  id,
  label: id,
  color: '#000',
  direction: 'up',
  values: values.map((value) => new Decimal(value)),
});
const down = (id: string, values: number[]): BarChartSeries => ({ ...up(id, values), direction: 'down' });

describe('svgBarChart', () => {
  it('stacks gains above and losses below the axis on one scale (hand-computed)', () => {
    // Column 1: new 100 + expansion 50 = 150 up, churn 50 down; column 2: new 30 up, churn 0.
    // Extent = max up 150 + max down 50 = 200, scale = 240 / 200 = 1.2 px per unit, axis = top 28 + 150 × 1.2 = 208.
    const svg = svgBarChart({
      title: 'movements',
      categories: ['2024-01', '2024-02'],
      series: [up('new', [100, 30]), up('expansion', [50, 0]), down('churn', [50, 0])],
      topLabels: ['1000', '1030'],
    });
    expect(scaleOf(svg).toString()).toBe('1.2');
    expect(bars(svg)).toEqual([
      // new: 208 - 100 × 1.2 = 88, height 120; expansion on top: 208 - 150 × 1.2 = 28, height 60.
      { series: 'new', amount: new Decimal(100), x: 84, y: 88, height: 120 },
      { series: 'expansion', amount: new Decimal(50), x: 84, y: 28, height: 60 },
      // churn from the axis down: y 208, height 50 × 1.2 = 60.
      { series: 'churn', amount: new Decimal(50), x: 84, y: 208, height: 60 },
      // column 2 starts 64 px to the right: new 30 × 1.2 = 36 px, y = 208 - 36 = 172.
      { series: 'new', amount: new Decimal(30), x: 148, y: 172, height: 36 },
    ]);
    expect(svg).toContain('>1030</text>');
    expect(svg).toContain('<title>2024-01 expansion: 50.00</title>');
    expect(svg.match(/<svg /g)).toHaveLength(1);
  });

  it('draws an empty plot with scale 0 when there is nothing to draw', () => {
    const empty = svgBarChart({ title: 'none', categories: [], series: [] });
    expect(scaleOf(empty).toString()).toBe('0');
    expect(bars(empty)).toEqual([]);
    const zeros = svgBarChart({
      title: 'zeros',
      categories: ['a'],
      series: [up('new', [0]), down('churn', [0])],
    });
    expect(bars(zeros)).toEqual([]);
    // A series shorter than the categories counts as zero in the missing columns.
    const short = svgBarChart({ title: 'short', categories: ['a', 'b'], series: [up('new', [5])] });
    expect(bars(short).map((bar) => bar.amount.toString())).toEqual(['5']);
    // Both axis ends read 0, never -0.
    expect(zeros).not.toContain('>-0<');
    expect(zeros.match(/>0<\/text>/g)).toHaveLength(3);
  });

  it('escapes every text it is given', () => {
    const svg = svgBarChart({
      title: '<script>alert(1)</script>',
      categories: ['<b>&'],
      series: [{ ...up('"x"', [1]), label: "<i>'" }],
      topLabels: ['<img>'],
    });
    expect(svg).not.toMatch(/<(script|b|i|img)>/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('data-series="&quot;x&quot;"');
    expect(svg).toContain('&lt;i&gt;&#39;');
  });

  it('draws every bar with height = amount × scale to within 0.01 px, for any movement rows', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((value) => new Decimal(value).dividedBy(100));
    const row = fc.record({
      newMrr: cents,
      expansionMrr: cents,
      reactivationMrr: cents,
      contractionMrr: cents,
      churnedMrr: cents,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const fields = ['newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr'] as const;
        const series = fields.map((field, index) => ({
          id: field,
          label: field,
          color: '#000',
          direction: index < 3 ? ('up' as const) : ('down' as const),
          values: rows.map((entry) => entry[field]),
        }));
        const svg = svgBarChart({ title: 't', categories: rows.map((_, index) => `p${index}`), series });
        // Independent scale: the plot height over the tallest gain stack plus the deepest loss stack.
        const sum = (entry: (typeof rows)[number], keys: readonly (typeof fields)[number][]) =>
          keys.reduce((total, key) => total.plus(entry[key]), ZERO);
        const maxUp = Decimal.max(0, ...rows.map((entry) => sum(entry, fields.slice(0, 3))));
        const maxDown = Decimal.max(0, ...rows.map((entry) => sum(entry, fields.slice(3))));
        const extent = maxUp.plus(maxDown);
        const scale = extent.isZero() ? ZERO : new Decimal(BAR_CHART_PLOT_HEIGHT).dividedBy(extent);
        expect(scaleOf(svg).equals(scale)).toBe(true);

        const drawn = bars(svg);
        const nonZero = rows.flatMap((entry) => fields.filter((field) => !entry[field].isZero()));
        expect(drawn.map((bar) => bar.series)).toEqual(nonZero);
        for (const bar of drawn) {
          expect(Math.abs(bar.height - bar.amount.times(scale).toNumber())).toBeLessThanOrEqual(0.01 + 1e-9);
        }
        if (drawn.length > 0) {
          // The drawing spans exactly the plot height: top of the tallest stack to the bottom of the deepest.
          const top = Math.min(...drawn.map((bar) => bar.y));
          const bottom = Math.max(...drawn.map((bar) => bar.y + bar.height));
          expect(Math.abs(bottom - top - BAR_CHART_PLOT_HEIGHT)).toBeLessThanOrEqual(0.011);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('stacks the bars of a column without gaps or overlaps, gains upward and losses downward', () => {
    const cents = fc.integer({ min: 0, max: 100_000 }).map((value) => value / 100);
    fc.assert(
      fc.property(fc.array(cents, { minLength: 5, maxLength: 5 }), (values) => {
        const svg = svgBarChart({
          title: 't',
          categories: ['p'],
          series: values.map((value, index) =>
            index < 3 ? up(`u${index}`, [value]) : down(`d${index}`, [value]),
          ),
        });
        const drawn = bars(svg);
        const ups = drawn.filter((bar) => bar.series.startsWith('u'));
        const downs = drawn.filter((bar) => bar.series.startsWith('d'));
        const axis = Number(/<line x1="\d+" x2="\d+" y1="([\d.]+)"/.exec(svg)![1]);
        let edge = axis;
        for (const bar of ups) {
          expect(bar.y + bar.height).toBeCloseTo(edge, 6);
          edge = bar.y;
        }
        edge = axis;
        for (const bar of downs) {
          expect(bar.y).toBeCloseTo(edge, 6);
          edge = bar.y + bar.height;
        }
      }),
      { numRuns: 60 },
    );
  });
});
