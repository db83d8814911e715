// What ECharts drew that a reader cannot read: text cut off at the canvas edge, or text drawn over other
// text, or a legend spilling onto the plot. Canvas text is invisible to the DOM, so the chart wrapper
// writes these onto its element (data-label-problems) where the browser tests — and anyone inspecting the
// page — can see them.
import type { EChartsType } from 'echarts/core';

interface Box {
  text: string;
  /** Rotated text (slanted axis labels) is measured by the upright box round it, too coarse for overlap. */
  rotated: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Half a pixel of anti-aliasing either side is not clipping. */
const SLACK = 0.5;

function drawnTexts(instance: EChartsType): Box[] {
  const boxes: Box[] = [];
  for (const element of instance.getZr().storage.getDisplayList(true)) {
    if (element.type !== 'tspan' || element.invisible) continue;
    const text = (element.style as { text?: string }).text;
    if (!text?.trim()) continue;
    const rect = element.getBoundingRect().clone();
    if (element.transform) rect.applyTransform(element.transform);
    const m = element.transform;
    const rotated = m ? Math.abs(m[1]!) > 1e-6 || Math.abs(m[2]!) > 1e-6 : false;
    boxes.push({ text, rotated, x: rect.x, y: rect.y, width: rect.width, height: rect.height });
  }
  return boxes;
}

const overlaps = (a: Box, b: Box) =>
  a.x + SLACK < b.x + b.width - SLACK &&
  b.x + SLACK < a.x + a.width - SLACK &&
  a.y + SLACK < b.y + b.height - SLACK &&
  b.y + SLACK < a.y + a.height - SLACK;

interface DrawnOption {
  legend?: { show?: boolean; data?: (string | { name: string })[] }[];
  series?: { name?: string }[];
  grid?: unknown[];
}

/** Legend entries whose text sits inside the plot area, where they hide the points. */
function legendOverPlot(instance: EChartsType, boxes: Box[]): string[] {
  const option = instance.getOption() as DrawnOption;
  const legend = option.legend?.[0];
  if (!legend || legend.show === false || !option.grid?.length) return [];
  const names = new Set(
    legend.data?.map((d) => (typeof d === 'string' ? d : d.name)) ?? option.series?.map((s) => s.name),
  );
  return boxes
    .filter((b) => names.has(b.text))
    .filter((b) => instance.containPixel({ gridIndex: 0 }, [b.x + b.width / 2, b.y + b.height / 2]))
    .map((b) => `legend entry "${b.text}" covers the plot`);
}

export function labelProblems(instance: EChartsType): string[] {
  const width = instance.getWidth();
  const height = instance.getHeight();
  const boxes = drawnTexts(instance);
  const problems = [...legendOverPlot(instance, boxes)];
  problems.push(
    ...boxes
      .filter((b) => b.x < -SLACK || b.y < -SLACK || b.x + b.width > width + SLACK || b.y + b.height > height + SLACK)
      .map((b) => `"${b.text}" runs outside the ${width}×${height} chart`),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (boxes[i]!.rotated || boxes[j]!.rotated) continue;
      if (overlaps(boxes[i]!, boxes[j]!)) problems.push(`"${boxes[i]!.text}" is drawn over "${boxes[j]!.text}"`);
    }
  }
  return problems;
}
