import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cohortRetentionSql,
  type MrrMovementsSqlRow,
  mrrMovementsSql,
  segmentMrrMovementsSql,
} from '../../src/sql/index.js';
import type { RunSql } from './engineEquality.js';
import {
  ATTACKS,
  buildersWith,
  createVictim,
  expectRefusedAndHarmless,
  splicedAsBefore,
  twoFacedOptions,
} from './injectionCases.js';

// The attacks of injectionCases.ts against DuckDB (the PostgreSQL suite runs the same ones): each builder refuses
// the source with a MetricInputError, and `victim` survives.

let instance: DuckDBInstance;
let run: RunSql;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  run = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as MrrMovementsSqlRow[];
});
afterAll(() => instance.closeSync());

describe('a subquery source that would end the statement, on DuckDB', () => {
  it('the first attacks are real: spliced into the query unchecked, they drop the victim', async () => {
    for (const [, source] of ATTACKS.slice(0, 2)) {
      await createVictim(run);
      await run(splicedAsBefore(source)).catch(() => undefined);
      expect(
        await run("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'victim'"),
      ).toEqual([{ n: '0' }]);
    }
  });

  for (const [attack, source] of ATTACKS) {
    for (const [builder, build] of buildersWith('duckdb', source)) {
      it(`${builder} refuses ${attack}`, async () => {
        await expectRefusedAndHarmless(run, build);
      });
    }
  }

  it('reads each option once: getters cannot show the check one value and the SQL another', async () => {
    for (const build of [mrrMovementsSql, segmentMrrMovementsSql, cohortRetentionSql]) {
      await createVictim(run);
      const options = twoFacedOptions('duckdb');
      const sql = build(options as never);
      expect(sql).not.toContain('DROP TABLE');
      await run(sql).catch(() => undefined);
      expect(await run('SELECT COUNT(*) AS n FROM victim')).toEqual([{ n: '1' }]);
    }
  });
});
