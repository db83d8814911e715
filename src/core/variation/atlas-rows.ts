// Rows of the stored atlas of variation as the API and the command line give them: one shape shared by the
// data layer that reads them and the web app that draws them.

export interface AtlasRateRow {
  financialYear: string;
  serviceCode: string;
  serviceName: string;
  icbCode: string;
  icbName: string;
  measure: string;
  events: number;
  standardisedEvents: number;
  population: number;
  crudeRate: number | null;
  crudeLower95: number | null;
  crudeUpper95: number | null;
  crudeLower998: number | null;
  crudeUpper998: number | null;
  crudeMethod: string | null;
  standardisedRate: number | null;
  standardisedLower95: number | null;
  standardisedUpper95: number | null;
  standardisedLower998: number | null;
  standardisedUpper998: number | null;
  standardisedMethod: string | null;
  standardisedNote: string | null;
  significance: string | null;
  significanceOverdispersed: string | null;
  funnelPopulation: number | null;
  previousStandardisedRate: number | null;
  changeSincePrevious: number | null;
  peerMeanRate: number | null;
  peerRank: number | null;
}

export interface AtlasVariationRow {
  financialYear: string;
  serviceCode: string;
  serviceName: string;
  measure: string;
  icbs: number;
  englandEvents: number;
  englandPopulation: number;
  englandCrudeRate: number | null;
  funnelBaseline: number | null;
  meanRate: number | null;
  sdRate: number | null;
  cv: number | null;
  q1Rate: number | null;
  medianRate: number | null;
  q3Rate: number | null;
  iqr: number | null;
  previousCv: number | null;
  cvChange: number | null;
  narrowing: boolean | null;
  high998: number;
  high95: number;
  low95: number;
  low998: number;
  tau2: number | null;
}

export interface FunnelLimitRow {
  point: number;
  events: number;
  lower95Population: number | null;
  lower95Rate: number | null;
  upper95Population: number | null;
  upper95Rate: number | null;
  lower998Population: number | null;
  lower998Rate: number | null;
  upper998Population: number | null;
  upper998Rate: number | null;
}
