// Risk and gain share in a pooled footprint budget (C7).
export {
  RISK_SHARE_BASES,
  RISK_SHARE_TYPES,
  type RiskShare,
  type RiskShareAgreement,
  type RiskShareBasis,
  type RiskShareMember,
  type RiskSharePosition,
  type RiskShareType,
  riskShare,
} from './risk-share.ts';
