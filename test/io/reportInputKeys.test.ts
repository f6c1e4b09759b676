import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors.js';
import { buildReport, parseReportInput } from '../../src/io/index.js';
import { generateSampleData } from '../../src/sample/generateSampleData.js';
import { errorOf } from '../support/errorOf.js';

// Issue #25: a misspelt part of the report's input (`npsResponse`, `subscripions`) used to be ignored, so a whole
// part of the report went missing without a word, the same class as a misspelt column, which the reader refuses.
const subscriptions = [{ customerId: 'a', start: '2024-01-01', mrr: 100 }];
const responses = [{ at: '2024-01-02', score: 9 }];

describe('buildReport: unknown parts of the input', () => {
  it('refuses a misspelt part, naming the part it resembles', () => {
    const error = errorOf(() => buildReport({ subscriptions, npsResponse: responses } as never));
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['npsResponse']);
    expect(error.message).toContain('did you mean "npsResponses"?');
  });

  it('refuses misspelt subscriptions instead of building an empty report', () => {
    const error = errorOf(() => buildReport({ subscripions: subscriptions } as never));
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['subscripions']);
    expect(error.message).toContain('"subscriptions"');
  });

  it('resembles ignoring case, and lists the known parts for a key like none of them', () => {
    expect(errorOf(() => buildReport({ subscriptions, NPSResponses: [] } as never)).message).toContain(
      'did you mean "npsResponses"?',
    );
    const error = errorOf(() => buildReport({ subscriptions, notes: 'hello' } as never));
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['notes']);
    expect(error.expected).toContain('"subscriptions"');
    expect(error.expected).toContain('"healthMeasures"');
  });

  it('names every unknown part at once', () => {
    const error = errorOf(() => buildReport({ subscriptions, onbording: [], npsRespones: [] } as never));
    expect(error.issues.map((issue) => issue.path)).toEqual([['onbording'], ['npsRespones']]);
  });

  it.each(['movements', 'monthlyMovements', 'trailingRevenueRetention', 'cohorts'])(
    'refuses %s beside subscriptions, which the report would ignore',
    (part) => {
      const error = errorOf(() => buildReport({ subscriptions, [part]: [] } as never));
      expect(error.code).toBe('invalid_value');
      expect(error.path).toEqual([part]);
      expect(error.message).toContain('subscriptions');
    },
  );

  it("accepts the sample data's own asOf and currency (carried, not read: options decide)", () => {
    const sample = generateSampleData({ customers: 20, months: 6 });
    const report = buildReport(sample, { currency: sample.currency });
    expect(report.nps).not.toBeNull();
    expect(report.timeToValue).not.toBeNull();
  });
});

describe('parseReportInput: unknown parts of a JSON object', () => {
  it('refuses a misspelt part, naming the part it resembles', () => {
    const text = JSON.stringify({ subscriptions, npsResponse: responses });
    const error = errorOf(() => parseReportInput(text));
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['npsResponse']);
    expect(error.message).toContain('did you mean "npsResponses"?');
  });

  it('names misspelt subscriptions as such', () => {
    const error = errorOf(() => parseReportInput(JSON.stringify({ subscripions: subscriptions })));
    expect(error.code).toBe('unknown_field');
    expect(error.path).toEqual(['subscripions']);
    expect(error.message).toContain('did you mean "subscriptions"?');
  });

  it('refuses movements beside subscriptions', () => {
    const error = errorOf(() => parseReportInput(JSON.stringify({ subscriptions, movements: [] })));
    expect(error.code).toBe('invalid_value');
    expect(error.path).toEqual(['movements']);
  });

  it('refuses a top-level __proto__ as an unknown part (never a prototype)', () => {
    const error = errorOf(() => parseReportInput(`{"subscriptions":[],"__proto__":{"polluted":true}}`));
    expect(error.path).toEqual(['__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads the sample data written as JSON, and an array of rows as before', () => {
    const sample = generateSampleData({ customers: 20, months: 6 });
    const parsed = parseReportInput(JSON.stringify(sample));
    expect(parsed.input.npsResponses).toHaveLength(sample.npsResponses.length);
    expect(buildReport(parsed.input, { currency: sample.currency }).nps).not.toBeNull();
    expect(parseReportInput(JSON.stringify(subscriptions)).input.subscriptions).toHaveLength(1);
  });
});
