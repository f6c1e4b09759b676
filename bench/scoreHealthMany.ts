// Scores 100,000 accounts × 10 measures (three groups, all four rule types, some missing values) in both detail
// modes and prints the median of 5 runs of each. Run with: npx tsx bench/scoreHealthMany.ts
import { defineScorecard, scoreHealthMany } from '../src/index.js';

const linear = (max: number) => ({ type: 'linear', min: 0, max, direction: 'higherIsBetter' }) as const;
const card = defineScorecard({
  groups: [
    {
      id: 'adoption',
      weight: 3,
      measures: [
        { id: 'logins', weight: 3, rule: linear(30) },
        { id: 'features', weight: 2, rule: linear(12) },
        { id: 'seats', weight: 2, rule: { type: 'percentOfTarget', target: 50 } },
        { id: 'apiCalls', weight: 1, rule: linear(10_000) },
      ],
    },
    {
      id: 'relationship',
      weight: 2,
      aggregation: 'min',
      measures: [
        { id: 'nps', weight: 1, rule: { type: 'linear', min: -100, max: 100, direction: 'higherIsBetter' } },
        {
          id: 'tickets',
          weight: 1,
          rule: {
            type: 'bands',
            bands: [
              { max: 3, score: 100 },
              { min: 3, max: 8, score: 60 },
              { min: 8, score: 10 },
            ],
          },
        },
        { id: 'sponsor', weight: 1, rule: { type: 'categorical', scores: { yes: 100, no: 20 } } },
      ],
    },
    {
      id: 'commercial',
      weight: 2,
      measures: [
        {
          id: 'mrrGrowth',
          weight: 2,
          rule: { type: 'linear', min: -0.2, max: 0.2, direction: 'higherIsBetter' },
        },
        {
          id: 'daysLate',
          weight: 1,
          rule: { type: 'percentOfTarget', target: 5, direction: 'lowerIsBetter' },
        },
        { id: 'roi', weight: 1, rule: linear(3) },
      ],
    },
  ],
});

let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const rows = Array.from({ length: 100_000 }, () => ({
  measures: {
    logins: Math.floor(random() * 40),
    features: Math.floor(random() * 15),
    seats: Math.floor(random() * 60),
    apiCalls: random() < 0.1 ? undefined : Math.floor(random() * 12_000),
    nps: Math.floor(random() * 201) - 100,
    tickets: Math.floor(random() * 12),
    sponsor: random() < 0.5 ? 'yes' : 'no',
    mrrGrowth: random() * 0.6 - 0.3,
    daysLate: Math.floor(random() * 20),
    roi: random() < 0.2 ? null : random() * 4,
  },
}));

// Wall time and this process's CPU time (user + system): on a shared machine the CPU time is the steadier figure.
// Each run's results are dropped before the next run starts, as in an application scoring once a day.
function measure(detail: 'full' | 'summary'): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    const count = scoreHealthMany(card, rows, { detail }).length;
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (count !== rows.length) throw new Error('lost rows');
  }
  return { wall, cpu };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[2]!;
const list = (values: number[]): string => values.map((time) => time.toFixed(0)).join(', ');
for (const detail of ['full', 'summary'] as const) {
  const { wall, cpu } = measure(detail);
  console.log(
    `scoreHealthMany detail '${detail}', 100,000 accounts × 10 measures, median of 5 runs: ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (wall: ${list(wall)}; CPU: ${list(cpu)})`,
  );
}
