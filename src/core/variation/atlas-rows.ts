// Rows of the stored atlas of variation as the API and the command line give them: one shape shared by the
// data layer that reads them and the web app that draws them.
import { z } from 'zod';
import { provenance } from '../provenance.ts';

const n = z.number().nullable();
export const atlasRateRow = z.object({
  financialYear: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  icbCode: z.string(),
  icbName: z.string(),
  measure: z.string(),
  events: z.number(),
  standardisedEvents: z.number(),
  population: z.number(),
  crudeRate: n,
  crudeLower95: n,
  crudeUpper95: n,
  crudeLower998: n,
  crudeUpper998: n,
  crudeMethod: z.string().nullable(),
  standardisedRate: n,
  standardisedLower95: n,
  standardisedUpper95: n,
  standardisedLower998: n,
  standardisedUpper998: n,
  standardisedMethod: z.string().nullable(),
  standardisedNote: z.string().nullable(),
  significance: z.string().nullable().describe('Against England on the funnel (exact Poisson limits).'),
  significanceOverdispersed: z.string().nullable(),
  funnelPopulation: n,
  previousStandardisedRate: n,
  changeSincePrevious: n,
  peerMeanRate: n,
  peerRank: n,
});
export type AtlasRateRow = z.infer<typeof atlasRateRow>;

export const atlasVariationRow = z.object({
  financialYear: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  measure: z.string(),
  icbs: z.number(),
  englandEvents: z.number(),
  englandPopulation: z.number(),
  englandCrudeRate: n,
  funnelBaseline: n,
  meanRate: n,
  sdRate: n,
  cv: n.describe('Coefficient of variation of standardised rates across ICBs.'),
  q1Rate: n,
  medianRate: n,
  q3Rate: n,
  iqr: n,
  previousCv: n,
  cvChange: n,
  narrowing: z.boolean().nullable(),
  high998: z.number(),
  high95: z.number(),
  low95: z.number(),
  low998: z.number(),
  tau2: n,
});
export type AtlasVariationRow = z.infer<typeof atlasVariationRow>;

export const funnelLimitRow = z.object({
  point: z.number(),
  events: z.number(),
  lower95Population: n,
  lower95Rate: n,
  upper95Population: n,
  upper95Rate: n,
  lower998Population: n,
  lower998Rate: n,
  upper998Population: n,
  upper998Rate: n,
});
export type FunnelLimitRow = z.infer<typeof funnelLimitRow>;

const atlasChoices = z.object({
  years: z.array(z.string()),
  services: z.array(z.object({ code: z.string(), name: z.string() })),
  measures: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const atlasAnswer = z.object({
  year: z.string(),
  service: z.object({ code: z.string(), name: z.string() }),
  measure: z.string(),
  measureLabel: z.string(),
  choices: atlasChoices,
  rates: z.array(atlasRateRow),
  funnel: z.array(funnelLimitRow).describe('The 100-point funnel limit table; empty for spend.'),
  overTime: z.array(atlasVariationRow).describe('The spread across ICBs in each year, for this service and measure.'),
  provenance,
});
export type AtlasAnswer = z.infer<typeof atlasAnswer>;

export const spreadAnswer = z.object({
  year: z.string(),
  measure: z.string(),
  rows: z.array(atlasVariationRow),
  provenance,
});
export type SpreadAnswer = z.infer<typeof spreadAnswer>;

export const icbOutliersAnswer = z.object({
  icb: z.object({ code: z.string(), name: z.string() }),
  year: z.string(),
  outliers: z.array(atlasRateRow),
  peers: z.array(
    z.object({
      peerIcb: z.string(),
      peerName: z.string(),
      nearness: z.number(),
      needIndex: z.number(),
      peerNeedIndex: z.number(),
    }),
  ),
  provenance,
});
export type IcbOutliersAnswer = z.infer<typeof icbOutliersAnswer>;
