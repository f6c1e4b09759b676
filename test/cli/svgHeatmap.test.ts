import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svgHeatmap } from '../../src/cli/svgHeatmap.js';
import { Decimal } from '../../src/core/internal/decimal.js';

function cells(svg: string): { fill: string; value: string }[] {
  return [...svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})" data-value="([^"]*)">/g)].map((match) => ({
    fill: match[1]!,
    value: match[2]!,
  }));
}

const darkness = (fill: string) =>
  [1, 3, 5].reduce((sum, start) => sum + (255 - Number.parseInt(fill.slice(start, start + 2), 16)), 0);

describe('svgHeatmap', () => {
  it('draws a cohort triangle with whole-percent labels (hand-computed)', () => {
    // Cohort 2024-01 (4 customers): 4/4, 3/4, 2/4; cohort 2024-02 (3 customers): 3/3, 1/3.
    const svg = svgHeatmap({
      title: 'retention',
      columnLabels: ['0', '1', '2'],
      rows: [
        { label: '2024-01-01 (4)', cells: [new Decimal(1), new Decimal('0.75'), new Decimal('0.5')] },
        { label: '2024-02-01 (3)', cells: [new Decimal(1), new Decimal(1).dividedBy(3)] },
        { label: '2024-03-01 (0)', cells: [null] },
      ],
    });
    expect(cells(svg).map((cell) => cell.value)).toEqual([
      '1',
      '0.75',
      '0.5',
      '1',
      '0.3333333333333333333333333333333333333333',
      '',
    ]);
    // 1/3 prints as 33 % on the cell and 33.3 % in the tooltip; 0.5 is not "dark", so its text stays black.
    expect(svg).toContain('>33%</text>');
    expect(svg).toContain('<title>2024-02-01 (3), 1: 33.3 %</title>');
    expect(svg).toContain('fill="#111827">50%</text>');
    expect(svg).toContain('fill="#ffffff">75%</text>');
    expect(svg).toContain('>–</text>');
    expect(svg).toContain('<title>2024-03-01 (0), 0: no value</title>');
    // Width: 150 label + 3 × 44 = 282; height: 22 header + 3 × 22 = 88.
    expect(svg).toContain('viewBox="0 0 282 88"');
  });

  it('escapes labels and titles', () => {
    const svg = svgHeatmap({
      title: '<script>',
      columnLabels: ['<b>'],
      rows: [{ label: 'a & <i>', cells: [new Decimal(1)] }],
    });
    expect(svg).not.toMatch(/<(script|b|i)>/);
    expect(svg).toContain('a &amp; &lt;i&gt;');
    // A cell beyond the column labels is titled by its index.
    const wide = svgHeatmap({
      title: 't',
      columnLabels: [],
      rows: [{ label: 'r', cells: [new Decimal(1)] }],
    });
    expect(wide).toContain('<title>r, 0: 100.0 %</title>');
  });

  it('colours a cell with higher retention at least as dark, for any matrix', () => {
    const retention = fc.integer({ min: 0, max: 1000 }).map((value) => new Decimal(value).dividedBy(1000));
    const row = fc.array(fc.option(retention, { nil: null }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const svg = svgHeatmap({
          title: 't',
          columnLabels: ['0', '1', '2', '3', '4', '5'],
          rows: rows.map((values, index) => ({ label: `c${index}`, cells: values })),
        });
        const drawn = cells(svg).filter((cell) => cell.value !== '');
        expect(drawn).toHaveLength(rows.flat().filter((value) => value !== null).length);
        const sorted = [...drawn].sort((a, b) => new Decimal(a.value).comparedTo(b.value));
        for (let index = 1; index < sorted.length; index += 1) {
          expect(darkness(sorted[index]!.fill)).toBeGreaterThanOrEqual(darkness(sorted[index - 1]!.fill));
        }
      }),
      { numRuns: 60 },
    );
  });
});
