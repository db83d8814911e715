// Migration 22: alliance and lead-provider risk share on contract lines (docs/methods.md, "Payment
// mechanisms and CQUIN"): the provider's share of the variance against the line's value (the target) and,
// optionally, a cap on what it bears either way, as a share of the target.
export const name = 'risk-share-payment';

export const sql = `
ALTER TABLE contract_payment ADD COLUMN provider_share DOUBLE;  -- alliance | lead-provider: 0–1
ALTER TABLE contract_payment ADD COLUMN risk_cap DOUBLE;        -- alliance (optional) | lead-provider: 0–1
`;
