// Synthetic quality KPIs so a new workspace has something to show: for each provider-service pair given,
// three KPIs with 24 monthly values from a seeded generator. Each KPI follows one of four stories (stable
// and passing; a step change for the worse; a steady improvement; stable but short of target), so the
// pages show every SPC icon and escalation status. Nothing here is real performance data.
import type { KpiDefinition, KpiValue } from './kpi-definition.ts';

export interface KpiSubject {
  providerCode: string;
  serviceCode: string;
}

interface Template {
  slug: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  target: number;
  /** Typical level, the month-to-month noise, and a step or drift size, in the KPI's unit. */
  level: number;
  noise: number;
  change: number;
}

const TEMPLATES: readonly Template[] = [
  {
    slug: 'RTT18',
    name: 'Patients treated within 18 weeks of referral',
    unit: '%',
    direction: 'increase',
    target: 92,
    level: 93.5,
    noise: 0.8,
    change: 4,
  },
  {
    slug: 'READMIT30',
    name: 'Emergency readmissions within 30 days',
    unit: '%',
    direction: 'decrease',
    target: 6,
    level: 5,
    noise: 0.35,
    change: 1.8,
  },
  {
    slug: 'CANCELLED',
    name: 'Operations cancelled on the day for non-clinical reasons',
    unit: '%',
    direction: 'decrease',
    target: 1,
    level: 0.8,
    noise: 0.12,
    change: 0.6,
  },
];

const STORIES = ['stable', 'deteriorating', 'improving', 'short-of-target'] as const;

/** A small, fast, seedable generator (mulberry32): the same seed gives the same KPIs. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The months of the series: `count` months ending with `lastMonth` ('YYYY-MM'). */
export function monthsEnding(lastMonth: string, count: number): string[] {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  });
}

export function generateSyntheticKpis(
  subjects: readonly KpiSubject[],
  options: { seed: number; lastMonth: string; months?: number },
): { definitions: KpiDefinition[]; values: KpiValue[] } {
  const random = randomFrom(options.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const months = monthsEnding(options.lastMonth, options.months ?? 24);
  const definitions: KpiDefinition[] = [];
  const values: KpiValue[] = [];
  subjects.forEach((subject, s) => {
    TEMPLATES.forEach((template, t) => {
      const story = STORIES[(s + t) % STORIES.length]!;
      const kpiId = `${template.slug}-${subject.providerCode}-${subject.serviceCode}`;
      definitions.push({
        kpiId,
        name: template.name,
        serviceCode: subject.serviceCode,
        providerCode: subject.providerCode,
        icbCode: null,
        unit: template.unit,
        direction: template.direction,
        target: template.target,
        escalationRule: 'standard',
      });
      // Worse is down for 'increase' KPIs and up for 'decrease' ones.
      const worse = template.direction === 'increase' ? -1 : 1;
      months.forEach((period, i) => {
        let level = template.level;
        if (story === 'deteriorating' && i >= months.length - 8) level += worse * template.change;
        if (story === 'improving') level += (-worse * template.change * i) / months.length;
        if (story === 'short-of-target') level -= (worse * -1 * template.change) / 2;
        const value = Math.max(0, level + template.noise * normal());
        values.push({ kpiId, period, value: Math.round(value * 100) / 100 });
      });
    });
  });
  return { definitions, values };
}
