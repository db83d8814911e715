// Words for the register's categories, link kinds and ratings as a person reads them; the types come from
// core, so a category added there fails to compile here until it has its words.
import type { RiskCategory, RiskLinkKind, RiskRating } from '../../../../src/core/risks/risk.ts';

const CATEGORY_WORDS: Record<RiskCategory, string> = {
  financial: 'Financial',
  'provider-stability': 'Provider stability',
  workforce: 'Workforce',
  data: 'Data',
  clinical: 'Clinical',
  delivery: 'Delivery',
};
export const CATEGORIES = Object.entries(CATEGORY_WORDS) as [RiskCategory, string][];
export const categoryLabel = (c: RiskCategory) => CATEGORY_WORDS[c];

const LINK_WORDS: Record<RiskLinkKind, string> = {
  service: 'Service',
  footprint: 'Footprint',
  provider: 'Provider',
  scheme: 'QIPP scheme',
};
export const LINK_KINDS = Object.entries(LINK_WORDS) as [RiskLinkKind, string][];
export const linkLabel = (k: RiskLinkKind) => LINK_WORDS[k];

/** NHS.UK tag colours for the 5 × 5 bands. */
export const RATING_TAG: Record<RiskRating, string> = {
  low: 'nhsuk-tag--green',
  moderate: 'nhsuk-tag--yellow',
  high: 'nhsuk-tag--orange',
  extreme: 'nhsuk-tag--red',
};
