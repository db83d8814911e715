// The foundation's placeholder home page: real figures from the workspace, plain accessible HTML. The
// reference counts are public; spend is shown only to a signed-in user.
import type { WorkspaceOverview } from '../data/queries/workspace-overview.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const billions = (pounds: number): string => `£${(pounds / 1e9).toFixed(2)}bn`;
const whole = (n: number): string => n.toLocaleString('en-GB');

export function renderHomePage(o: WorkspaceOverview, show: { spend: boolean }): string {
  const spendRows = o.spendByYear
    .map(
      (y) =>
        `<tr><th scope="row">${escapeHtml(y.financialYear)}</th><td>${billions(y.providerBasisSpend)}</td><td>${billions(y.populationBasisSpend)}</td></tr>`,
    )
    .join('');
  const spend = !show.spend
    ? '<p>Sign in (POST /api/session) to see spend figures.</p>'
    : o.dataset
      ? `<h2>Specialised spend, dataset “${escapeHtml(o.dataset)}”</h2>
       <table><caption>Total spend by financial year on both bases (geography ${escapeHtml(o.vintage)}). Provider basis counts spend where the provider sits; population basis where the patient is registered. The totals agree because money is conserved through the conversion.</caption>
       <thead><tr><th scope="col">Financial year</th><th scope="col">Provider basis</th><th scope="col">Population basis</th></tr></thead>
       <tbody>${spendRows}</tbody></table>`
      : '<p>No activity has been imported yet. Run <code>footprint import FILE</code> or <code>footprint init</code>.</p>';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Footprint — specialised commissioning planning</title>
<style>
body{font-family:Arial,sans-serif;margin:0;color:#212b32;background:#f0f4f5}
header{background:#005eb8;color:#fff;padding:16px 24px}
main{max-width:960px;margin:24px auto;padding:0 24px}
table{border-collapse:collapse;background:#fff;width:100%;margin:16px 0}
th,td{border-bottom:1px solid #d8dde0;padding:8px;text-align:left}
td{text-align:right}
caption{text-align:left;padding:8px 0;color:#4c6272}
.note{background:#fff9c4;border-left:6px solid #ffeb3b;padding:12px}
</style></head>
<body><header><h1>Footprint</h1><p>Planning NHS specialised services on the right population footprint.</p></header>
<main>
<p class="note">The web application has not been built, so this plain page stands in for it. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2>Reference data</h2>
<table><caption>England reference data loaded in this workspace (current geography, April 2026).</caption><tbody>
<tr><th scope="row">NHS England regions</th><td>${whole(o.regions)}</td></tr>
<tr><th scope="row">Integrated care boards</th><td>${whole(o.icbs)}</td></tr>
<tr><th scope="row">Sub-ICB locations</th><td>${whole(o.subIcbs)}</td></tr>
<tr><th scope="row">Open providers</th><td>${whole(o.providers)}</td></tr>
<tr><th scope="row">Specialised services in the catalogue</th><td>${whole(o.services)}</td></tr>
<tr><th scope="row">GP-registered population (Aug 2026)</th><td>${whole(o.registeredPopulation)}</td></tr>
</tbody></table>
${spend}
<p>API: <a href="/api/overview">/api/overview</a> · <a href="/api/health">/api/health</a></p>
</main></body></html>`;
}
