import type { Decimal } from '../core/decimal.js';
import type { Report } from './buildReport.js';

/**
 * Renders a report as a plain-text terminal page: the last `periods` rows of the movements table, then the
 * point-in-time figures. Fixed-width columns, no colours, nothing locale-dependent.
 *
 * @private
 */
export function formatReport(report: Report, { periods = 12 }: { periods?: number } = {}): string {
  const lines: string[] = [];
  const rows = report.periods.slice(-periods);
  lines.push(
    `customer-health report — ${report.granularity} periods${report.asOf ? `, as of ${report.asOf}` : ''}`,
  );
  lines.push('');
  const header = [
    'period',
    'start MRR',
    'new',
    'expansion',
    'reactiv.',
    'contraction',
    'churned',
    'end MRR',
    'cust.',
    'cust. churn',
    'NRR',
    'GRR',
    'quick',
  ];
  const table = rows.map((row) => [
    row.start,
    money(row.startingMrr),
    money(row.newMrr),
    money(row.expansionMrr),
    money(row.reactivationMrr),
    money(row.contractionMrr),
    money(row.churnedMrr),
    money(row.endingMrr),
    String(row.endingCustomers),
    percent(row.customerChurnRate),
    percent(row.netRevenueRetention),
    percent(row.grossRevenueRetention),
    ratio(row.quickRatio),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...table.map((cells) => cells[column]!.length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  lines.push(render(header));
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cells of table) lines.push(render(cells));
  if (report.periods.length > rows.length)
    lines.push(`(${report.periods.length - rows.length} earlier periods in --json output)`);
  lines.push('');

  const s = report.summary;
  const facts: [string, string][] = [
    ['MRR', money(s.mrr)],
    ['Paying customers', s.customers === null ? 'n/a' : String(s.customers)],
    ['ARPA', money(s.arpa)],
    ['Customer churn (trailing average)', percent(s.averageCustomerChurnRate)],
    [`LTV (ARPA × margin ${s.grossMargin} / churn)`, money(s.lifetimeValue)],
    ['Trailing 12-month NRR', percent(s.trailingNetRevenueRetention)],
    ['Trailing 12-month GRR', percent(s.trailingGrossRevenueRetention)],
  ];
  if (s.customerAcquisitionCost !== null || s.cacPaybackMonths !== null) {
    facts.push(['CAC (last 3 months)', money(s.customerAcquisitionCost)]);
    facts.push(['CAC payback (months)', s.cacPaybackMonths === null ? 'n/a' : s.cacPaybackMonths.toFixed(1)]);
  }
  if (report.nps !== null) {
    const interval =
      report.nps.lower === null || report.nps.upper === null
        ? ''
        : ` (95 % CI ${report.nps.lower.toFixed(1)} to ${report.nps.upper.toFixed(1)}, adjusted Wald)`;
    facts.push([
      `NPS, last 12 months (${report.nps.responses} answers)`,
      `${report.nps.score === null ? 'n/a' : report.nps.score.toFixed(1)}${interval}`,
    ]);
  }
  if (report.timeToValue !== null) {
    const t = report.timeToValue;
    facts.push([
      `Time to value (${t.reached}/${t.customers} reached)`,
      `median ${days(t.median)}, p75 ${days(t.p75)}, p90 ${days(t.p90)} (ignoring those still waiting: ${days(t.naiveMedian)})`,
    ]);
  }
  if (report.health !== null) {
    const h = report.health;
    facts.push([
      `Health (${h.accounts} accounts, average ${h.averageScore ?? 'n/a'})`,
      h.bands.map((band) => `${band.label} ${band.accounts} (${percent(band.share)})`).join(', '),
    ]);
    if (h.fixFirst.length > 0) {
      facts.push([
        'Fix first (measure losing most points)',
        h.fixFirst.map((entry) => `${entry.measure} ${entry.accounts}`).join(', '),
      ]);
    }
  }
  const labelWidth = Math.max(...facts.map(([label]) => label.length));
  for (const [label, value] of facts) lines.push(`${label.padEnd(labelWidth)}  ${value}`);
  return `${lines.join('\n')}\n`;
}

function money(value: Decimal | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

function percent(value: Decimal | null): string {
  return value === null ? 'n/a' : `${value.times(100).toFixed(1)} %`;
}

function ratio(value: Decimal | null): string {
  return value === null ? 'n/a' : value.toFixed(2);
}

function days(value: number | null): string {
  return value === null ? 'n/a' : `${Number(value.toFixed(1))} days`;
}
