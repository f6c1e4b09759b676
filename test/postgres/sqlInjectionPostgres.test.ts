import { describe, expect, it } from 'vitest';
import { cohortRetentionSql, mrrMovementsSql, segmentMrrMovementsSql } from '../../src/sql/index.js';
import {
  ATTACKS,
  buildersWith,
  createVictim,
  expectRefusedAndHarmless,
  splicedAsBefore,
  twoFacedOptions,
} from '../sql/injectionCases.js';
import { skipPostgres, usePostgres } from './postgresServer.js';

// The attacks of injectionCases.ts against PostgreSQL (the DuckDB suite runs the same ones): each builder refuses
// the source with a MetricInputError, and `victim` survives.

const postgres = usePostgres();
const victimTables = "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'victim'";

describe.skipIf(skipPostgres)('a subquery source that would end the statement, on PostgreSQL', () => {
  it('the first attacks are real: spliced into the query unchecked, they drop the victim', async () => {
    for (const [, source] of ATTACKS.slice(0, 2)) {
      await createVictim(postgres().run);
      await postgres()
        .run(splicedAsBefore(source))
        .catch(() => undefined);
      expect(await postgres().run(victimTables)).toEqual([{ n: '0' }]);
    }
  });

  for (const [attack, source] of ATTACKS) {
    for (const [builder, build] of buildersWith('postgres', source)) {
      it(`${builder} refuses ${attack}`, async () => {
        await expectRefusedAndHarmless(postgres().run, build);
      });
    }
  }

  it('reads each option once: getters cannot show the check one value and the SQL another', async () => {
    for (const build of [mrrMovementsSql, segmentMrrMovementsSql, cohortRetentionSql]) {
      await createVictim(postgres().run);
      const sql = build(twoFacedOptions('postgres') as never);
      expect(sql).not.toContain('DROP TABLE');
      await postgres()
        .run(sql)
        .catch(() => undefined);
      expect(await postgres().run(victimTables)).toEqual([{ n: '1' }]);
    }
  });
});
