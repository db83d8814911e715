// The public surface of the atlas of variation: rates by ICB, funnels against England, spread across ICBs
// year on year, and peer groups.
export {
  type Atlas,
  type AtlasFunnelPoint,
  type AtlasInputs,
  type AtlasRate,
  type AtlasVariation,
  buildAtlas,
  NOT_ENOUGH_EVENTS,
} from './build-atlas.ts';
export {
  ATLAS_CONFIDENCE,
  calculateIcbRates,
  type IcbPopulations,
  type IcbRate,
  indexPopulations,
  type RateFigures,
} from './icb-rates.ts';
export { choosePeerGroups, type IcbNeed, PEER_GROUP_SIZE, PEER_RULE, type PeerLink } from './peer-groups.ts';
export { AGE_SEX_STANDARD, bandKey, STANDARD_POPULATION_NAME } from './standard-population.ts';
export {
  ATLAS_MEASURES,
  ATLAS_MULTIPLIER,
  type AtlasMeasure,
  COUNT_MEASURES,
  MEASURE_LABELS,
  type PopulationBand,
  type UtilisationCell,
} from './utilisation-cell.ts';
export { measureSpread, quantileType7, type VariationSpread } from './variation-spread.ts';
