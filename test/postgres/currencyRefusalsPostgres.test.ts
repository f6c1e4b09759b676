import { describe, it } from 'vitest';
import {
  expectCaseInsensitiveCodes,
  expectMissingRatesOutsideTheWindowRefused,
  expectMixedCurrenciesRefused,
  expectUnusedBadRateRefused,
} from '../sql/currencyRefusalCases.js';
import { expectRevaluedBase } from '../sql/snapshotRatesCases.js';
import { skipPostgres, usePostgres } from './postgresServer.js';

// The currency refusals of currencyRefusalCases.ts on PostgreSQL (the DuckDB suite runs the same ones).

const postgres = usePostgres();

describe.skipIf(skipPostgres)(
  'the SQL twins refuse what the TypeScript engine refuses about currencies, on PostgreSQL',
  () => {
    it('rows in several currencies without a currency option stop every twin with mixed_currencies', async () => {
      await expectMixedCurrenciesRefused('postgres', postgres().run);
    });

    it('reads currency codes in any case, in the rows and in the rates', async () => {
      await expectCaseInsensitiveCodes('postgres', postgres().run);
    });

    it('a foreign row without a rate stops the query even where the query filters the row out', async () => {
      await expectMissingRatesOutsideTheWindowRefused('postgres', postgres().run);
    });

    it('a bad rate stops the query even for a currency no row uses', async () => {
      await expectUnusedBadRateRefused('postgres', postgres().run);
    });
  },
);

describe.skipIf(skipPostgres)('revenueRatesSql under snapshot rates, on PostgreSQL', () => {
  it('divides by the revalued starting MRR (starting + fx impact)', async () => {
    await expectRevaluedBase('postgres', postgres().run);
  });
});
