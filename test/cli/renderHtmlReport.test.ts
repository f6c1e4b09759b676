import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/cli/renderHtmlReport.js';
import { Decimal } from '../../src/core/internal/decimal.js';
import { buildReport } from '../../src/io/buildReport.js';
import type { Report, ReportInput } from '../../src/io/types.js';
import { generateSampleData } from '../../src/sample/generateSampleData.js';

// Elements without a closing tag in HTML; every other element we emit must be closed, and nested properly.
const VOID = new Set(['meta']);
const EMITTED = new Set(
  'html head meta title style body main h1 h2 h3 p section table thead tbody tr th td svg rect text line'.split(
    ' ',
  ),
);

/** A tiny tag matcher: the problems found (unknown, unclosed, mis-nested tags), empty when well formed. */
function markupProblems(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match as unknown as [string, string, string, string];
    if (!EMITTED.has(name)) problems.push(`unexpected <${name}>`);
    if (VOID.has(name) || selfClosing === '/') continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      stack.push(name);
    }
  }
  return [...problems, ...stack.map((name) => `unclosed <${name}>`)];
}

const HOSTILE = '<script>alert(1)</script>';

const HEALTH = [
  // Every measure at its worst: score 0, red.
  {
    customerId: HOSTILE,
    loginsPerWeek: 0,
    seatUtilization: 0,
    lastNps: 0,
    openTickets: 5,
    mrrGrowth: -0.5,
  },
  // Every measure at its best: 100, green.
  { customerId: 'b', loginsPerWeek: 10, seatUtilization: 0.8, lastNps: 10, openTickets: 0, mrrGrowth: 0.5 },
  // Every measure halfway: 5/10, 0.4/0.8, 5/10, 2.5 of 5 tickets, growth 0 on [-0.5, 0.5] → 50, yellow.
  { customerId: 'c', loginsPerWeek: 5, seatUtilization: 0.4, lastNps: 5, openTickets: 2.5, mrrGrowth: 0 },
];

// a pays 100 from January; b pays 50 in January and February only; a adds 30 in March.
const INPUT: ReportInput = {
  subscriptions: [
    { customerId: 'a', start: '2024-01-01', mrr: 100 },
    { customerId: 'b', start: '2024-01-05', end: '2024-03-01', mrr: 50 },
    { customerId: 'a', start: '2024-03-10', mrr: 30 },
  ],
  healthMeasures: HEALTH,
};

const report = buildReport(INPUT, { asOf: '2024-03-31' });
const html = renderHtmlReport(report, { source: 'small.csv' });

describe('renderHtmlReport', () => {
  it('holds the hand-computed movements, as bars and in the table', () => {
    // Jan new 150; Feb nothing; Mar expansion 30 and churn 50 (b). Scale: 240 px / (150 up + 50 down) = 1.2.
    const bars = [
      ...html.matchAll(/height="([\d.]+)" fill="[^"]*" data-series="(\w+)" data-amount="([\d.]+)"/g),
    ];
    expect(bars.map((match) => [match[2], match[3], match[1]])).toEqual([
      ['new', '150', '180'],
      ['expansion', '30', '36'],
      ['churn', '50', '60'],
    ]);
    expect(html).toContain(
      '<tr><td>2024-03-01</td><td>150.00</td><td>0.00</td><td>30.00</td><td>0.00</td><td>0.00</td><td>50.00</td><td>130.00</td><td>1</td><td>50.0 %</td>',
    );
    // Ending MRR above each column: 150, 150, 130.
    expect([...html.matchAll(/class="top-label">(\d+)</g)].map((match) => match[1])).toEqual([
      '150',
      '150',
      '130',
    ]);
    expect(html).toContain('<p class="muted">month periods · as of 2024-03-31 · data: small.csv</p>');
  });

  it('draws the cohort heatmap: both customers in January, 2/2 in February, 1/2 in March', () => {
    expect(
      [...html.matchAll(/data-value="([^"]*)"><title>2024-01-01 \(2\)/g)].map((match) => match[1]),
    ).toEqual(['1', '1', '0.5']);
    // February and March acquired nobody: grey cells without a value.
    expect(html).toContain('<title>2024-02-01 (0), 0: no value</title>');
  });

  it('shows the health bands and the lowest-scoring accounts, lowest first', () => {
    expect(
      [...html.matchAll(/data-value="(\d+)"><title>(\w+): /g)].map((match) => [match[2], match[1]]),
    ).toEqual([
      ['red', '1'],
      ['yellow', '1'],
      ['green', '1'],
    ]);
    expect(html).toMatch(
      /<td>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/td><td>0.0<\/td><td>red<\/td>[\s\S]*<td>c<\/td><td>50.0<\/td><td>yellow<\/td>[\s\S]*<td>b<\/td><td>100.0<\/td>/,
    );
  });

  it('escapes a <script> customer id and source: no script element, and nothing needed to view', () => {
    expect(report.health?.lowestScores[0]?.customerId).toBe(HOSTILE);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderHtmlReport(report, { source: `"${HOSTILE}` })).toContain('data: &quot;&lt;script&gt;');
    // Self-contained: no external stylesheet, image, font or script reference.
    expect(html).not.toMatch(/<link|src=|href=|url\(/i);
  });

  it('is well formed: every element it opens is closed, properly nested', () => {
    expect(markupProblems(html)).toEqual([]);
    // The checker itself catches a missing and a mis-nested close.
    expect(markupProblems('<section><p>x</section>')).toEqual([
      '</section> closes <p>',
      'unclosed <section>',
    ]);
    expect(markupProblems('<div></div>')).toEqual(['unexpected <div>', 'unexpected <div>']);
  });

  it('has one SVG per chart, and leaves out the parts the report lacks', () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    const bare = buildReport({ subscriptions: INPUT.subscriptions ?? [] }, { asOf: '2024-03-31' });
    const withoutHealth = renderHtmlReport(bare);
    expect(withoutHealth.match(/<svg /g)).toHaveLength(2);
    expect(withoutHealth).not.toContain('<h2>Health</h2>');
    const empty = renderHtmlReport(buildReport({ subscriptions: [] }));
    expect(empty.match(/<svg /g)).toBeNull();
    expect(empty).toContain('<td>MRR</td><td>n/a</td>');
    expect(markupProblems(empty)).toEqual([]);
  });

  it('renders the sample data the same, byte for byte, with every section and locale-free numbers', () => {
    const sample = generateSampleData();
    const options = { currency: sample.currency, segments: 'include' } as const;
    const first = renderHtmlReport(buildReport(sample, options), { recent: 6 });
    const second = renderHtmlReport(buildReport(generateSampleData(), options), { recent: 6 });
    expect(second).toBe(first);
    expect(markupProblems(first)).toEqual([]);
    expect(first.match(/<svg /g)).toHaveLength(4);
    for (const heading of [
      'Summary',
      'MRR movements',
      'MRR movements by segment',
      'Cohort retention',
      'Health',
    ]) {
      expect(first).toContain(`<h2>${heading}</h2>`);
    }
    for (const plan of ['Enterprise', 'Growth', 'Starter']) expect(first).toContain(`<h3>${plan}</h3>`);
    expect(first).toContain('<td>MRR (USD)</td><td>62720.83</td>');
    expect(first).toContain('CAC payback (months)');
    expect(first).toContain('NPS, last 12 months');
    expect(first).toContain('29 earlier periods in --json output');
    // 6 columns in the movements chart and in the segment chart.
    expect(first.match(/class="top-label"/g)).toHaveLength(12);
    expect(first).not.toMatch(/\d,\d{3}\.\d\d/);
  });

  it('prints n/a for every figure a report could not compute, and full dates for other granularities', () => {
    const quarterly = buildReport(INPUT, { granularity: 'quarter', asOf: '2024-03-31' });
    const blank: Report = {
      ...quarterly,
      summary: {
        ...quarterly.summary,
        customers: null,
        customerAcquisitionCost: new Decimal(500),
        cacPaybackMonths: null,
      },
      nps: { responses: 0, score: null, lower: null, upper: null },
      timeToValue: { customers: 3, reached: 0, median: null, p75: null, p90: null, naiveMedian: null },
      health: {
        accounts: 2,
        averageScore: null,
        bands: [{ label: 'only', accounts: 0, share: null }],
        fixFirst: [],
        lowestScores: [{ customerId: 'x', score: 1, band: null }],
      },
    };
    const page = renderHtmlReport(blank);
    expect(page).toContain('<td>Paying customers</td><td>n/a</td>');
    expect(page).toContain('<td>CAC (last 3 months)</td><td>500.00</td>');
    expect(page).toContain('<td>CAC payback (months)</td><td>n/a</td>');
    expect(page).toContain('<td>NPS, last 12 months (0 answers)</td><td>n/a</td>');
    expect(page).toContain('median n/a, p75 n/a, p90 n/a (ignoring those still waiting: n/a)');
    expect(page).toContain('2 accounts, average score n/a.');
    expect(page).toContain('<td>x</td><td>1.0</td><td>n/a</td>');
    expect(page).not.toContain('fix first');
    // One band alone takes the first colour; a quarter is labelled by its first day.
    expect(page).toContain('fill="hsl(0, 65%, 42%)"');
    expect(page).toContain('>2024-01-01</text>');
    expect(renderHtmlReport({ ...blank, health: { ...blank.health!, lowestScores: [] } })).not.toContain(
      'lowest-scoring',
    );
    expect(markupProblems(page)).toEqual([]);
  });
});
