import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The machine's zone is fixed when a process starts, so each zone gets its own child process (TZ set in its
// environment before any Date exists); the probe prints what every date reader made of local-midnight Dates.
const PROBE = fileURLToPath(new URL('./localDates.probe.ts', import.meta.url));

interface ProbeResult {
  readonly iso: string;
  readonly how: 'localConstructor' | 'nodePostgres';
  readonly zone: 'none' | 'machine' | 'utc';
  readonly reader: string;
  readonly outcome: { day?: string; code?: string; message?: string; thrown?: string };
}

function probe(timeZone: string): { machineZone: string; offsetMinutes: number; results: ProbeResult[] } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', PROBE], {
    env: { ...process.env, TZ: timeZone },
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

describe.each([
  // January offsets: Tokyo is UTC+9 (local midnight is 15:00Z the day before), Los Angeles UTC-8 (08:00Z).
  { timeZone: 'Asia/Tokyo', offsetMinutes: -540 },
  { timeZone: 'America/Los_Angeles', offsetMinutes: 480 },
])('local-midnight Dates on a machine in $timeZone', ({ timeZone, offsetMinutes }) => {
  const run = probe(timeZone);

  it('runs in that zone (the child process really changed its zone)', () => {
    expect(run.machineZone).toBe(timeZone);
    expect(run.offsetMinutes).toBe(offsetMinutes);
    // 9 days × 2 ways to build × 3 zone options × 8 readers.
    expect(run.results).toHaveLength(9 * 2 * 3 * 8);
  });

  it('without a timeZone option: never a shifted day, always an error that says what to pass', () => {
    const unzoned = run.results.filter((result) => result.zone === 'none');
    for (const { iso, reader, how, outcome } of unzoned) {
      const label = `${reader} of ${how} ${iso}`;
      expect(outcome.thrown, label).toBeUndefined();
      // Local midnight is never midnight UTC in these zones, so every one is refused…
      expect(outcome.code, label).toBe('ambiguous_date');
      // …with the two fixes in the message.
      expect(outcome.message, label).toContain("pass the day as a 'YYYY-MM-DD' string");
      expect(outcome.message, label).toContain(
        'pass the timeZone option naming the zone the Date was built in',
      );
    }
  });

  it('with the timeZone the Dates were built in: every reader books the intended calendar day', () => {
    const zoned = run.results.filter((result) => result.zone === 'machine');
    for (const { iso, reader, how, outcome } of zoned) {
      expect(outcome, `${reader} of ${how} ${iso}`).toEqual({ day: iso });
    }
  });

  it("with timeZone: 'UTC': the day the instant has in UTC, as asked, the same on every machine", () => {
    const utc = run.results.filter((result) => result.zone === 'utc');
    for (const { iso, reader, how, outcome } of utc) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const instant = Date.UTC(y, m - 1, d) + offsetMinutes * 60_000 + dstShift(timeZone, iso);
      expect(outcome, `${reader} of ${how} ${iso}`).toEqual({
        day: new Date(instant).toISOString().slice(0, 10),
      });
    }
  });
});

// Los Angeles midnight is on daylight time (UTC-7) after the 2024-03-10 change (at 02:00) through 2024-11-03
// (back at 02:00, so that midnight is still daylight time); Tokyo has no DST.
function dstShift(timeZone: string, iso: string): number {
  if (timeZone !== 'America/Los_Angeles') return 0;
  return iso > '2024-03-10' && iso <= '2024-11-03' ? -3_600_000 : 0;
}
