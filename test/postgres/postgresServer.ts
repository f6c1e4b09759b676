import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { MrrMovementsSqlRow } from '../../src/sql/index.js';
import { skipWithout } from '../support/skipWithout.js';

// A real PostgreSQL for the tests: .ci/postgres/start.sh makes a throwaway cluster in a temp directory, and
// stop() removes it. Without PostgreSQL installed the tests are skipped with a warning, except in CI;
// CUSTOMER_HEALTH_SKIP_POSTGRES=1 skips them anyway. A server that cannot start fails the suite loudly.

const SCRIPTS = join(import.meta.dirname, '../../.ci/postgres');
const DATE_OID = 1082;

export const skipPostgres =
  process.env.CUSTOMER_HEALTH_SKIP_POSTGRES === '1' ||
  skipWithout('PostgreSQL', postgresInstalled(), 'apt-get install postgresql');

function postgresInstalled(): boolean {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  return versions.some((version) => existsSync(join('/usr/lib/postgresql', version, 'bin/initdb')));
}

export interface PostgresServer {
  readonly run: (sql: string) => Promise<MrrMovementsSqlRow[]>;
  readonly stop: () => Promise<void>;
}

export async function startPostgres(): Promise<PostgresServer> {
  const line = execFileSync('bash', [join(SCRIPTS, 'start.sh')], { encoding: 'utf8' }).trim();
  const settings = Object.fromEntries(line.split(' ').map((pair) => pair.split('=') as [string, string]));
  const host = settings.PGHOST!;
  const client = new pg.Client({
    host,
    port: Number(settings.PGPORT),
    user: settings.PGUSER,
    database: 'postgres',
    // DATE stays the 'YYYY-MM-DD' text the server sends (pg's default builds a local-time Date); NUMERIC and
    // BIGINT already arrive as exact strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  try {
    await client.connect();
  } catch (error) {
    execFileSync('bash', [join(SCRIPTS, 'stop.sh'), host]);
    throw error;
  }
  return {
    run: async (sql) => (await client.query(sql)).rows as MrrMovementsSqlRow[],
    stop: async () => {
      await client.end();
      execFileSync('bash', [join(SCRIPTS, 'stop.sh'), host]);
    },
  };
}

/**
 * A throwaway server for one test file: started before its tests (unless skipped), stopped after them. Call the
 * returned function inside a test to get it.
 */
export function usePostgres(): () => PostgresServer {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    if (!skipPostgres) server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  return () => server as PostgresServer;
}
