// Small static SVG charts for printed reports (the board pack): no script, so the same markup renders in
// a browser, in headless Chromium's PDF and in an email. Text is real text, so a PDF's charts can be
// searched and read by a screen reader. Colours are the NHS.UK palette.
const NHS_BLUE = '#005eb8';
const NHS_DARK_BLUE = '#003087';
const NHS_GREEN = '#007f3b';
const NHS_RED = '#d5281b';
const NHS_GREY = '#4c6272';

export const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** £12.3m, £456k, £789: short enough for an axis or a bar label. */
export function shortPounds(value: number): string {
  const sign = value < 0 ? '−' : '';
  const v = Math.abs(value);
  if (v >= 1e9) return `${sign}£${(v / 1e9).toFixed(2)}bn`;
  if (v >= 1e6) return `${sign}£${(v / 1e6).toFixed(1)}m`;
  if (v >= 1e3) return `${sign}£${(v / 1e3).toFixed(v >= 1e5 ? 0 : 1)}k`;
  return `${sign}£${v.toFixed(0)}`;
}

export interface BarSeries {
  name: string;
  values: number[];
}

/** Grouped vertical bars: one group per category, one bar per series, with a legend. */
export function groupedBarSvg(title: string, categories: string[], series: BarSeries[]): string {
  const width = 640;
  const height = 260;
  const left = 70;
  const bottom = 40;
  const top = 44;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupW = (width - left - 10) / Math.max(1, categories.length);
  const barW = Math.min(60, (groupW * 0.8) / Math.max(1, series.length));
  const colours = [NHS_BLUE, NHS_GREEN, NHS_DARK_BLUE, NHS_GREY];
  const bars = categories.flatMap((cat, ci) =>
    series.map((s, si) => {
      const v = s.values[ci] ?? 0;
      const h = (v / max) * plotH;
      const x = left + ci * groupW + (groupW - barW * series.length) / 2 + si * barW;
      const y = top + plotH - h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${colours[si % colours.length]}"><title>${escapeHtml(`${s.name} ${cat}: ${shortPounds(v)}`)}</title></rect><text x="${(x + (barW - 4) / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" font-size="10" text-anchor="middle">${shortPounds(v)}</text>`;
    }),
  );
  const labels = categories.map(
    (cat, ci) =>
      `<text x="${(left + ci * groupW + groupW / 2).toFixed(1)}" y="${height - bottom + 16}" font-size="11" text-anchor="middle">${escapeHtml(cat)}</text>`,
  );
  const legend = series.map(
    (s, si) =>
      `<rect x="${left + si * 200}" y="6" width="12" height="12" fill="${colours[si % colours.length]}"/><text x="${left + si * 200 + 16}" y="16" font-size="11">${escapeHtml(s.name)}</text>`,
  );
  return svg(width, height, title, [axis(left, top, plotH, width, max), ...bars, ...labels, ...legend]);
}

/** Horizontal bars, largest first: one per label. */
export function horizontalBarSvg(title: string, rows: { label: string; value: number; highlight?: boolean }[]): string {
  const width = 640;
  const rowH = 20;
  const left = 300;
  const height = rows.length * rowH + 20;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const parts = rows.map((r, i) => {
    const w = (r.value / max) * (width - left - 70);
    const y = 10 + i * rowH;
    return `<text x="${left - 6}" y="${y + 13}" font-size="10" text-anchor="end">${escapeHtml(r.label.length > 46 ? `${r.label.slice(0, 45)}…` : r.label)}</text><rect x="${left}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${r.highlight ? NHS_GREY : NHS_BLUE}"/><text x="${(left + w + 4).toFixed(1)}" y="${y + 13}" font-size="10">${shortPounds(r.value)}</text>`;
  });
  return svg(width, height, title, parts);
}

export interface WaterfallBar {
  label: string;
  amount: number;
  kind: 'start' | 'up' | 'down' | 'total';
}

/** A waterfall: the start and total bars stand on zero; each step floats from the running total. */
export function waterfallSvg(
  title: string,
  steps: WaterfallBar[],
  reference?: { label: string; value: number },
): string {
  const width = 640;
  const height = 300;
  const left = 70;
  const top = 20;
  const bottom = 70;
  const plotH = height - top - bottom;
  let running = 0;
  const spans = steps.map((s) => {
    if (s.kind === 'start' || s.kind === 'total') {
      running = s.amount;
      return { ...s, from: 0, to: s.amount };
    }
    const from = running;
    running += s.amount;
    return { ...s, from, to: running };
  });
  // Growth and QIPP steps are a few per cent of spend: from zero they would be slivers, so the axis starts
  // below the lowest bar top (and says so) whenever that leaves the steps readable.
  const tops = [
    ...spans.flatMap((s) => (s.kind === 'start' || s.kind === 'total' ? [s.to] : [s.from, s.to])),
    reference?.value ?? Infinity,
  ];
  const low = Math.min(...tops.filter(Number.isFinite));
  const high = Math.max(1, ...tops.filter(Number.isFinite));
  const span = Math.max(high - low, high * 0.01);
  const floor = Math.max(0, low - span * 1.5);
  const max = high + span * 0.15;
  const y = (v: number) => top + plotH - ((Math.max(v, floor) - floor) / (max - floor)) * plotH;
  const slot = (width - left - 10) / spans.length;
  const parts = spans.map((s, i) => {
    const x = left + i * slot + slot * 0.15;
    const w = slot * 0.7;
    const y1 = y(Math.max(s.from, s.to));
    const h = Math.max(1, Math.abs(y(s.from) - y(s.to)));
    const fill = s.kind === 'up' ? NHS_RED : s.kind === 'down' ? NHS_GREEN : NHS_BLUE;
    const words = s.label.split(' ');
    const half = Math.ceil(words.length / 2);
    const label = [words.slice(0, half).join(' '), words.slice(half).join(' ')]
      .filter(Boolean)
      .map(
        (line, li) =>
          `<text x="${(x + w / 2).toFixed(1)}" y="${height - bottom + 14 + li * 12}" font-size="10" text-anchor="middle">${escapeHtml(line)}</text>`,
      )
      .join('');
    const value =
      s.kind === 'start' || s.kind === 'total'
        ? shortPounds(s.amount)
        : `${s.amount >= 0 ? '+' : ''}${shortPounds(s.amount)}`;
    return `<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"/><text x="${(x + w / 2).toFixed(1)}" y="${(y1 - 4).toFixed(1)}" font-size="10" text-anchor="middle">${value}</text>${label}`;
  });
  if (reference) {
    const ry = y(reference.value).toFixed(1);
    parts.push(
      `<line x1="${left}" x2="${width - 10}" y1="${ry}" y2="${ry}" stroke="${NHS_DARK_BLUE}" stroke-dasharray="6 4"/><text x="${left + 4}" y="${(Number(ry) + 12).toFixed(1)}" font-size="10">${escapeHtml(`${reference.label} ${shortPounds(reference.value)}`)}</text>`,
    );
  }
  if (floor > 0) {
    parts.push(
      `<text x="${left}" y="${height - 8}" font-size="10" font-style="italic">${escapeHtml(`The axis starts at ${shortPounds(floor)}, not zero, so the steps can be seen.`)}</text>`,
    );
  }
  return svg(width, height, title, [axis(left, top, plotH, width, max, floor), ...parts]);
}

function axis(left: number, top: number, plotH: number, width: number, max: number, floor = 0): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = (top + plotH - f * plotH).toFixed(1);
    return `<line x1="${left}" x2="${width - 10}" y1="${y}" y2="${y}" stroke="#d8dde0"/><text x="${left - 6}" y="${y}" font-size="10" text-anchor="end" dominant-baseline="middle">${shortPounds(floor + f * (max - floor))}</text>`;
  });
  return ticks.join('');
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}" font-family="Arial, sans-serif" fill="#212b32"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
