// The board pack as one self-contained, printable HTML page (inline styles and SVG, no script, nothing
// fetched): the web app serves it, and headless Chromium prints this same page to PDF.
import { RATING_LABELS, type Rating } from '../../core/assurance/rating-scale.ts';
import type { BoardPack } from './board-pack.ts';
import { groupedBarSvg, escapeHtml as h, horizontalBarSvg, waterfallSvg } from './svg-charts.ts';

const pounds = (v: number) =>
  v.toLocaleString('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const perHead = (v: number) => v.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
const whole = (v: number) => Math.round(v).toLocaleString('en-GB');
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

const RATING_COLOURS: Record<Rating, { background: string; colour: string }> = {
  red: { background: '#d5281b', colour: '#ffffff' },
  'amber-red': { background: '#ed8b00', colour: '#212b32' },
  'amber-green': { background: '#ffeb3b', colour: '#212b32' },
  green: { background: '#007f3b', colour: '#ffffff' },
  'not-assessed': { background: '#e8edee', colour: '#212b32' },
};

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font-family: Arial, 'Helvetica Neue', sans-serif; color: #212b32; font-size: 11pt; line-height: 1.4; margin: 0; }
header { border-bottom: 4px solid #005eb8; margin-bottom: 12px; padding-bottom: 6px; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #003087; }
h2 { font-size: 14pt; color: #005eb8; margin: 18px 0 6px; page-break-after: avoid; }
section { page-break-inside: avoid; }
.meta { color: #4c6272; font-size: 9.5pt; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6px 0; }
th, td { border-bottom: 1px solid #d8dde0; padding: 3px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.rating { display: inline-block; padding: 1px 6px; border-radius: 3px; font-weight: bold; font-size: 9pt; }
.status { white-space: nowrap; }
.note { color: #4c6272; font-style: italic; }
figure { margin: 6px 0; }
figcaption { font-size: 9pt; color: #4c6272; }
`;

function ratingBadge(rating: Rating): string {
  const c = RATING_COLOURS[rating];
  return `<span class="rating" style="background:${c.background};color:${c.colour}">${RATING_LABELS[rating]}</span>`;
}

function spendSection(pack: BoardPack): string {
  if (pack.spend.length === 0)
    return '<p class="note">No activity has been imported and run yet, so there is no spend.</p>';
  const rows = pack.spend
    .map(
      (y) =>
        `<tr><td>${h(y.financialYear)}</td><td class="num">${pounds(y.providerBasis)}</td><td class="num">${pounds(y.populationBasis)}</td><td class="num">${pack.population ? perHead(y.populationBasis / pack.population) : '–'}</td></tr>`,
    )
    .join('');
  const chart = groupedBarSvg(
    'Spend on both bases by year',
    pack.spend.map((y) => y.financialYear),
    [
      { name: 'Provider basis (where treated)', values: pack.spend.map((y) => y.providerBasis) },
      { name: 'Population basis (where residents live)', values: pack.spend.map((y) => y.populationBasis) },
    ],
  );
  return `<p>Registered population: <strong>${whole(pack.population)}</strong> (${h(pack.populationSource)}).</p>
<figure>${chart}<figcaption>Provider basis: spend at providers hosted in the area. Population basis: spend on the area's residents wherever treated.</figcaption></figure>
<table><thead><tr><th>Year</th><th class="num">Provider basis</th><th class="num">Population basis</th><th class="num">Per head (population basis)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function flowsSection(pack: BoardPack): string {
  if (pack.flows.length === 0) return '<p class="note">No flows are stored yet.</p>';
  const chart = horizontalBarSvg(
    'Spend on residents by provider, largest first',
    pack.flows.map((f) => ({ label: f.providerName, value: f.spend, highlight: !f.inArea })),
  );
  return `<p>${pack.outOfAreaShare === null ? '' : `Share of residents' spend at providers outside the area: <strong>${percent(pack.outOfAreaShare)}</strong>.`}</p>
<figure>${chart}<figcaption>Blue: providers in the area; grey: outside it. The ${pack.flows.length} largest providers in the latest year.</figcaption></figure>`;
}

const NOT_SET = 'not set';
const orNotSet = (v: number | null, format: (v: number) => string, none = NOT_SET) => (v === null ? none : format(v));
const signedPercent = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}%`;

function planSection(pack: BoardPack): string {
  if (!pack.plan) return `<p class="note">${h(pack.planNote ?? 'No plan.')}</p>`;
  const p = pack.plan;
  const chart = waterfallSvg(`Plan year 1 waterfall, ${p.financialYear}`, p.steps, {
    label: 'Allocation',
    value: p.allocation,
  });
  const years = p.years
    .map(
      (y) =>
        `<tr><td>${h(y.financialYear)}</td><td class="num">${pounds(y.doNothing)}</td><td class="num">${pounds(y.qippSaving)}</td><td class="num">${pounds(y.planSpend)}</td><td class="num">${pounds(y.allocation)}</td><td class="num">${pounds(y.gap)}</td><td class="num">${orNotSet(y.controlTotal, pounds)}</td><td class="num">${orNotSet(y.distanceToControlTotal, pounds, 'not computed')}</td></tr>`,
    )
    .join('');
  const warnings = p.warnings.length ? `<p class="note">${p.warnings.map(h).join(' ')}</p>` : '';
  return `<p>Scenario <strong>${h(p.scenario)}</strong>, planning for ${h(pack.subjectName)}.${p.description?.startsWith('Baseline') ? ' This is the baseline every workspace starts with, on the current planning round template: copy it to make your own.' : ''}</p>${warnings}
<figure>${chart}<figcaption>From base-year spend through growth and QIPP to plan spend, against the allocation (dashed).</figcaption></figure>
<h3 style="font-size:11pt;margin:10px 0 4px">Gap and control total</h3>
<table><thead><tr><th>Year</th><th class="num">Do-nothing</th><th class="num">QIPP</th><th class="num">Plan spend</th><th class="num">Allocation</th><th class="num">Gap</th><th class="num">Control total</th><th class="num">Distance to control total</th></tr></thead><tbody>${years}</tbody></table>
<p class="note">Gap = allocation − plan spend (negative is a deficit). Distance = gap − control total; with no control total set it is not computed.</p>`;
}

function qippSection(pack: BoardPack): string {
  if (!pack.plan) return `<p class="note">${h(pack.planNote ?? 'No plan.')}</p>`;
  const p = pack.plan;
  const schemes = p.schemes.length
    ? `<p>Schemes: ${p.schemes.map((q) => `${h(q.name)} (${h(q.type)})`).join('; ')}.</p>`
    : '<p class="note">The scenario has no QIPP schemes.</p>';
  const rows = p.years
    .map(
      (y) =>
        `<tr><td>${h(y.financialYear)}</td><td class="num">${pounds(y.transactionalSaving)}</td><td class="num">${pounds(y.transformationalSaving)}</td><td class="num">${pounds(y.qippSaving)}</td><td class="num">${y.doNothing ? percent(y.qippSaving / y.doNothing) : '–'}</td></tr>`,
    )
    .join('');
  return `${schemes}<table><thead><tr><th>Year</th><th class="num">Transactional</th><th class="num">Transformational</th><th class="num">Total QIPP</th><th class="num">Share of do-nothing</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const RAG_COLOUR = { green: '#007f3b', amber: '#ffb81c', red: '#d5281b' } as const;

function qippDeliverySection(pack: BoardPack): string {
  const d = pack.qippDelivery;
  if (!d) return `<p class="note">${h(pack.planNote ?? 'No plan, so no QIPP delivery.')}</p>`;
  if (d.rows.length === 0) return '<p class="note">The plan has no QIPP schemes for this unit.</p>';
  const months = d.rows[0]!.monthsReported;
  const rows = d.rows
    .map((r) => {
      const rag = r.rag
        ? `<span style="color:${RAG_COLOUR[r.rag]};font-weight:600">${h(r.rag[0]!.toUpperCase() + r.rag.slice(1))}</span>`
        : '–';
      return `<tr><td>${r.level === 'scheme' ? h(r.scheme ?? '') : '<strong>All schemes</strong>'}</td><td class="num">${pounds(r.planned)}</td><td class="num">${pounds(r.planToDate)}</td><td class="num">${pounds(r.actualToDate)}</td><td class="num">${pounds(r.forecast)}</td><td>${rag}</td><td>${h(r.trend ?? '–')}</td></tr>`;
    })
    .join('');
  const basis =
    months === 0
      ? `No actuals are recorded for ${h(d.financialYear)} yet; the forecast is the plan.`
      : `${months} month${months === 1 ? '' : 's'} of ${h(d.financialYear)} reported (${h(d.actualsFrom)}); plan to date phased by each scheme's start month; forecast at the run rate so far.`;
  return `<p class="note">${basis}</p><table><thead><tr><th>Scheme</th><th class="num">Planned</th><th class="num">Plan to date</th><th class="num">Actual to date</th><th class="num">Forecast outturn</th><th>RAG</th><th>Trend</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function allocationSection(pack: BoardPack): string {
  if (!pack.plan) return `<p class="note">${h(pack.planNote ?? 'No plan, so no allocation.')}</p>`;
  const p = pack.plan;
  const a = p.allocationBasis;
  const targetByYear = new Map<string, number>();
  for (const g of a.glidePath)
    targetByYear.set(g.financialYear, (targetByYear.get(g.financialYear) ?? 0) + g.targetAllocation);
  const chart = groupedBarSvg(
    'Allocation against needs-based target and plan spend',
    p.years.map((y) => y.financialYear),
    [
      { name: 'Allocation', values: p.years.map((y) => y.allocation) },
      ...(targetByYear.size
        ? [{ name: 'Needs-based target', values: p.years.map((y) => targetByYear.get(y.financialYear) ?? 0) }]
        : []),
      { name: 'Plan spend', values: p.years.map((y) => y.planSpend) },
    ],
  );
  const pace =
    a.floorGrowth === null
      ? `No convergence: allocations grow from the baseline at ${a.growth.map(percent).join(', ')} a year.`
      : `Glide path from the baseline towards the target: every ICB grows at least ${percent(a.floorGrowth)} a year (floor); an ICB below target grows towards it by at most ${percent(a.capGrowth ?? 0)} (cap) while the envelope allows; the envelope grows at ${a.growth.map(percent).join(', ')}.`;
  const rows = a.glidePath
    .map(
      (g) =>
        `<tr><td>${h(g.financialYear)}</td><td>${h(g.icbName)}</td><td class="num">${percent(g.targetShare)}</td><td class="num">${pounds(g.previousAllocation)}</td><td class="num">${pounds(g.targetAllocation)}</td><td class="num">${pounds(g.floor)}</td><td class="num">${pounds(g.cap)}</td><td class="num">${pounds(g.allocation)}${g.capExceeded ? ' *' : ''}</td><td class="num">${orNotSet(g.distanceFromTarget, signedPercent, '–')}</td></tr>`,
    )
    .join('');
  const table = a.glidePath.length
    ? `<table><thead><tr><th>Year</th><th>ICB</th><th class="num">Target share</th><th class="num">Previous allocation</th><th class="num">Target</th><th class="num">Floor</th><th class="num">Cap</th><th class="num">Allocation</th><th class="num">Distance from target</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Distance from target = (allocation − target) ÷ target: negative is below its needs-based share.${a.glidePath.some((g) => g.capExceeded) ? ' * grew beyond the cap because the envelope needed it.' : ''}</p>`
    : '';
  return `<p>Population-basis baseline (historic spend on the area's residents wherever treated, ${h(a.baseYear)}): <strong>${pounds(a.baseline)}</strong>.</p>
<p>Needs-based target: ${a.needsIndexYear ? `each ICB's share of the general &amp; acute weighted population (${h(a.needsIndexYear)}), NHS England's published need-weighted registered population, used as a stated proxy for specialised need (the specialised formula is not published at practice level), times the year's envelope.` : 'the target shares the scenario gives, or none.'} ${h(pace)}</p>
<figure>${chart}<figcaption>Allocation, needs-based target and plan spend by plan year.</figcaption></figure>${table}
<p class="note">${h(a.method)}</p>`;
}

/** The delegation lines above run to the last wave (2025/26); say that later plan years keep it. */
function delegationByYear(pack: BoardPack): string {
  const later = pack.plan?.years.map((y) => y.financialYear).filter((y) => y > '2025/26') ?? [];
  return later.length
    ? `<p class="note">Arrangements from 2025/26 are shown for the plan years ${later.map(h).join(', ')}: no later wave has been announced.</p>`
    : '';
}

function linesOf(lines: string[]): string {
  return `<ul>${lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`;
}

const icon = (v: string | null) => (v ? v.replace(/_/g, ' ') : '—');

function monitoredKpis(pack: BoardPack): string {
  if (pack.kpiEscalations.length === 0) {
    return '<p class="note">No monitored quality KPI of a provider hosted in this area, or of its ICBs, is escalated or on watch.</p>';
  }
  const rows = pack.kpiEscalations
    .map(
      (k) =>
        `<tr><td>${h(k.subject)}</td><td>${h(k.name)}</td><td>${h(k.lastPeriod?.slice(0, 7) ?? '—')}</td><td class="num">${k.lastValue === null ? '—' : h(`${k.lastValue} ${k.unit}`)}</td><td class="num">${k.target === null ? '—' : h(`${k.target} ${k.unit}`)}</td><td class="status"><strong>${h(k.status)}</strong></td><td>${h(icon(k.variation))}</td><td>${h(icon(k.assurance))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Provider or ICB</th><th>KPI</th><th>Latest month</th><th class="num">Latest</th><th class="num">Target</th><th>Status</th><th>SPC variation</th><th>Assurance</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Status from the escalation rules (definitions/kpi-escalation.json) applied to each KPI’s XmR chart, as on the quality pages.</p>`;
}

function scheduleKpis(pack: BoardPack): string {
  if (pack.scheduleEscalations.length === 0) {
    return '<p class="note">No quality-schedule KPI of a contract this area is party to is reported as not met.</p>';
  }
  const rows = pack.scheduleEscalations
    .map(
      (k) => `<tr><td>${h(k.provider)}</td><td>${h(k.kpi)}</td><td>${h(k.target)}</td><td>${h(k.escalation)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Provider</th><th>KPI</th><th>Target</th><th>Escalation</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function kpiSection(pack: BoardPack): string {
  return `<h3 style="font-size:11pt;margin:10px 0 4px">Monitored quality KPIs</h3>${monitoredKpis(pack)}
<h3 style="font-size:11pt;margin:10px 0 4px">Contract quality schedules</h3>${scheduleKpis(pack)}`;
}

function kloeSection(pack: BoardPack): string {
  if (pack.kloe.length === 0) return '<p class="note">No key-lines-of-enquiry review of this area yet.</p>';
  return pack.kloe
    .map(
      (round) =>
        `<h3 style="font-size:11pt;margin:10px 0 4px">${h(round.roundName)} — ${h(round.subjectName)}</h3><table><thead><tr><th>Line of enquiry</th><th>Rating</th></tr></thead><tbody>${round.questions
          .map((q) => `<tr><td>${h(q.theme)}</td><td>${ratingBadge(q.rating)}</td></tr>`)
          .join('')}</tbody></table>`,
    )
    .join('');
}

function riskSection(pack: BoardPack): string {
  if (pack.risks.length === 0) return '<p class="note">No open risks are recorded for this area.</p>';
  return `<table><thead><tr><th>Risk</th><th>Owner</th><th>Category</th><th>Before</th><th>After mitigation</th><th>Next review</th></tr></thead><tbody>${pack.risks
    .map(
      (r) =>
        `<tr><td>${h(r.title)}</td><td>${h(r.owner)}</td><td>${h(r.category)}</td><td>${r.score} ${h(r.rating)}</td><td>${r.residualScore} ${h(r.residualRating)}</td><td>${h(r.nextReview ?? 'not set')}${r.reviewDue ? ' (due)' : ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export function boardPackHtml(pack: BoardPack): string {
  const date = new Date(pack.generatedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const scenario = pack.plan ? pack.plan.scenario : 'none';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${h(pack.title)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${h(pack.title)}</h1>
<p class="meta">Prepared ${h(date)} · ICBs: ${h(pack.icbs.join(', '))} · Geography vintage ${h(pack.vintage)} · Dataset ${h(pack.dataset ?? 'none')}${pack.rule ? ` (unknown residence: ${h(pack.rule)})` : ''} · Scenario: ${h(scenario)}</p></header>
<section><h2>Population and spend on both bases</h2>${spendSection(pack)}</section>
<section><h2>Patient flows</h2>${flowsSection(pack)}</section>
<section><h2>Allocation: population basis, needs-based target and glide path</h2>${allocationSection(pack)}</section>
<section><h2>Financial plan</h2>${planSection(pack)}</section>
<section><h2>QIPP</h2>${qippSection(pack)}</section>
<section><h2>QIPP delivery</h2>${qippDeliverySection(pack)}</section>
<section><h2>Delegation outcomes and tiers</h2>${linesOf(pack.delegation.lines)}${delegationByYear(pack)}</section>
<section><h2>Variation outliers</h2>${linesOf(pack.variation.lines)}</section>
<section><h2>KPI escalations</h2>${kpiSection(pack)}</section>
<section><h2>Key lines of enquiry</h2>${kloeSection(pack)}</section>
<section><h2>Risks</h2>${riskSection(pack)}</section>
</main></body></html>`;
}
