// The table in methods.md ("Large years"): the annual spend sampler beside the exact sum (every patient's
// cost drawn and added) over λ from 1 to 10,000 and cost CVs 0.2 to 3, each tail at a margin that leaves
// about 5% in it. The exact sum costs λ draws a year, so the largest λ gets fewer years.
// Usage: tsx bench/volatility-exactness.ts [YEARS] (default 10,000; λ = 10,000 gets YEARS / 2.5)
import { compareWithExactSum } from '../src/core/volatility/exactness-check.ts';

const years = Number(process.argv[2] ?? 10_000);
const percent = (p: number) => (100 * p).toFixed(2);
console.log(
  '| λ | cost CV | margin | method (tail draws/yr) | above: sampler / exact (z) | below: sampler / exact (z) |',
);
console.log('|---|---|---|---|---|---|');
for (const lambda of [1, 10, 100, 1000, 10_000]) {
  for (const cv of [0.2, 0.5, 1, 1.5, 2, 3]) {
    const r = compareWithExactSum(
      lambda,
      { kind: 'lognormal', mean: 1000, cv },
      { years: lambda >= 10_000 ? Math.round(years / 2.5) : years, seed: 2026 },
    );
    const method = r.method === 'exact' ? 'exact' : `split (${r.tailRate})`;
    console.log(
      `| ${lambda.toLocaleString('en-GB')} | ${cv} | ${percent(r.margin)}% | ${method} | ${percent(r.sampler.above)}% / ${percent(r.exact.above)}% (${r.zAbove.toFixed(1)}) | ${percent(r.sampler.below)}% / ${percent(r.exact.below)}% (${r.zBelow.toFixed(1)}) |`,
    );
  }
}
