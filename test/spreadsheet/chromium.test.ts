import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifetimeValue, mrrMovements, netPromoterScore } from '../../src/index.js';
import { netPromoterScoreInterval } from '../../src/nps/netPromoterScoreInterval.js';
import { launchChromium, skipBrowser } from '../support/launchChromium.js';
import { readDist } from './distFiles.js';

// The IIFE bundle and the Excel functions file in a real headless Chromium page, the JavaScript engine of Excel on
// the web and of Observable: no network, the scripts inlined.
const libraryBundle = readDist('customer-health.global.js');
const excelFunctions = readDist('excel/functions.js');
let browser: BrowserContext;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (skipBrowser) return;
  ({ browser, close } = await launchChromium());
}, 20_000);

afterAll(async () => {
  await close?.();
});

describe.skipIf(skipBrowser)('the bundles in headless Chromium', () => {
  it('CustomerHealth (IIFE) computes what the library computes in Node', async () => {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><title>customer-health</title>');
    await page.addScriptTag({ content: libraryBundle });
    const result = await page.evaluate(() => {
      const ch = (globalThis as unknown as { CustomerHealth: typeof import('../../src/index.js') })
        .CustomerHealth;
      const nps = ch.netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, '9', 0]);
      const table = ch.mrrMovements([
        { customerId: 'a', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
        { customerId: 'a', start: '2024-02-01', end: '2024-03-01', mrr: 20 },
      ]);
      return {
        score: nps.score!.toString(),
        interval: ch.netPromoterScoreInterval(nps),
        ltv: ch.lifetimeValue({ arpa: 100, churnRate: 0.03 })!.toString(),
        rows: table.periods.map((row) => [row.start, row.endingMrr.toString()]),
        userAgent: (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent,
      };
    });
    const nps = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, '9', 0]);
    expect(result.userAgent).toMatch(/Chrom/);
    expect(result.score).toBe(nps.score!.toString());
    // Doubles from normal quantiles: this Chromium's V8 and Node's may differ in the last bits of Math.log/exp
    // (observed: 2e-14 points), so agreement is to 1e-9 points, far below what a sheet displays.
    const interval = netPromoterScoreInterval(nps)!;
    expect(result.interval!.score).toBe(interval.score);
    expect(result.interval!.lower).toBeCloseTo(interval.lower, 9);
    expect(result.interval!.upper).toBeCloseTo(interval.upper, 9);
    expect(result.ltv).toBe(lifetimeValue({ arpa: 100, churnRate: 0.03 })!.toString());
    expect(result.rows).toEqual(
      mrrMovements([
        { customerId: 'a', start: '2024-01-10', end: '2024-03-01', mrr: 100 },
        { customerId: 'a', start: '2024-02-01', end: '2024-03-01', mrr: 20 },
      ]).periods.map((row) => [row.start, row.endingMrr.toString()]),
    );
    await page.close();
  }, 20_000);

  it('dist/excel/functions.js registers and runs its functions in the page', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>excel</title>');
    await page.addScriptTag({
      content: `window.registered = {};
        window.CustomFunctions = {
          associate: (id, fn) => { window.registered[id] = fn; },
          Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
          ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
        };`,
    });
    await page.addScriptTag({ content: excelFunctions });
    const result = await page.evaluate(() => {
      const registered = (
        globalThis as unknown as { registered: Record<string, (...args: unknown[]) => unknown> }
      ).registered;
      let error = '';
      try {
        registered['CH.GRR']!(0, 0, 0);
      } catch (thrown) {
        error = `${(thrown as { code: string }).code} ${(thrown as Error).message}`;
      }
      return {
        ids: Object.keys(registered).length,
        nps: registered['CH.NPS']!([[10], [null], [9], [0]]),
        churn: registered['CH.CUSTOMER_CHURN']!(200, 10),
        error,
      };
    });
    expect(result).toEqual({
      ids: 9,
      nps: netPromoterScore([10, 9, 0]).score!.toNumber(),
      churn: 0.05,
      error: '#N/A #N/A: gross revenue retention is undefined when startingMrr is 0',
    });
    await page.close();
  }, 20_000);
});
