import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mrrMovements, netPromoterScore } from '../../src/index.js';
import { readDist } from '../spreadsheet/distFiles.js';
import { launchChromium, skipBrowser } from '../support/launchChromium.js';

// examples/notebook/module.html as a reader opens it: the repository served over HTTP (module scripts do not load
// from file://), the ESM build of dist/index.js imported by a <script type="module">, its bare imports
// (decimal.js, zod) resolved by the page's import map to node_modules. Nothing but this server is reachable.
const ROOT = join(import.meta.dirname, '../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};
let server: Server;
let origin: string;
let browser: BrowserContext;
let close: (() => Promise<void>) | undefined;
const requested: string[] = [];

beforeAll(async () => {
  readDist('index.js');
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    requested.push(path);
    try {
      if (path.includes('..')) throw new Error('outside the repository');
      const body = await readFile(join(ROOT, path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (skipBrowser) return;
  ({ browser, close } = await launchChromium());
}, 20_000);

afterAll(async () => {
  await close?.();
  await new Promise((resolve) => server?.close(resolve));
});

describe.skipIf(skipBrowser)('examples/notebook/module.html in headless Chromium', () => {
  it('imports the ESM build through its import map and shows what Node computes', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
    await page.goto(`${origin}/examples/notebook/module.html`);
    await page.waitForFunction(
      (selector) => {
        // Runs in the page, where `document` exists; the test's own types are Node's.
        const page = globalThis as unknown as {
          document: { querySelector(s: string): { textContent: string } };
        };
        return page.document.querySelector(selector).textContent !== 'loading…';
      },
      '#out',
      { timeout: 15_000 },
    );
    const shown = await page.textContent('#out');

    // The same computation as the page's script, in Node.
    const table = mrrMovements(
      [
        { customerId: 'a', start: '2024-01-01', mrr: 100 },
        { customerId: 'b', start: '2024-01-05', end: '2024-03-01', mrr: 50 },
        { customerId: 'a', start: '2024-03-10', mrr: 30 },
      ],
      { to: '2024-03-31' },
    );
    const nps = netPromoterScore([10, 9, 9, 8, 7, 6, 3]);
    const expected = `ending MRR ${table.periods.map((row) => row.endingMrr.toFixed(2)).join(', ')}; NPS ${nps.score!.toFixed(1)}`;
    expect(errors).toEqual([]);
    // Hand-computed: January a 100 + b 50; February the same; March b ended, a 100 + 30. NPS: promoters
    // 10, 9, 9; detractors 6, 3; (3 - 2) / 7 × 100 = 14.29.
    expect(expected).toBe('ending MRR 150.00, 150.00, 130.00; NPS 14.3');
    expect(shown).toBe(expected);
    // The page ran the ESM build itself, not a bundle: the module and decimal.js came from this server.
    expect(requested).toContain('/dist/index.js');
    expect(requested).toContain('/node_modules/decimal.js/decimal.mjs');
    await page.close();
  }, 30_000);
});
