// Patient flows as a Sankey: resident ICBs on the left, providers on the right, band width = spend.
// Only the largest flows are drawn so it stays readable; the full matrix is in the table beside it.
import type { EChartsCoreOption } from 'echarts/core';
import type { FlowRow } from '../../../src/core/flows/flows-answer.ts';
import { shortIcbName } from '../format.ts';
import { NHS_BLUE, NHS_DARK_GREY, NHS_WARM_YELLOW, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export const DEFAULT_FLOW_LIMIT = 30;

export interface FlowSankeyOptions {
  /** Draw at most this many flows, the largest by spend. Default DEFAULT_FLOW_LIMIT. */
  limit?: number;
  /** Room for node labels either side, in pixels; narrow screens pass less. Default 180. */
  labelWidth?: number;
}

export function flowSankeyChart(rows: FlowRow[], options: FlowSankeyOptions = {}): EChartsCoreOption {
  const { limit = DEFAULT_FLOW_LIMIT, labelWidth = 180 } = options;
  const largest = [...rows].sort((a, b) => b.spend - a.spend || a.provider.localeCompare(b.provider)).slice(0, limit);
  // A provider and an ICB could share a display name; node names carry a role word to stay distinct.
  const residentNode = (r: FlowRow) => `${shortIcbName(r.residentIcbName)} patients`;
  const providerNode = (r: FlowRow) => `${r.providerName} (${r.provider})`;
  const node = (name: string, color: string) => ({ name, itemStyle: { color } });
  const nodes = new Map<string, ReturnType<typeof node>>();
  for (const r of largest) {
    nodes.set(residentNode(r), node(residentNode(r), NHS_BLUE));
    nodes.set(providerNode(r), node(providerNode(r), NHS_DARK_GREY));
  }
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        // Room for the label plus the gap ECharts leaves between a node and its label.
        left: labelWidth + 16,
        right: labelWidth + 16,
        top: 8,
        bottom: 8,
        nodeGap: 6,
        nodeWidth: 12,
        nodeAlign: 'justify',
        // ECharts measures each label and shortens it with an ellipsis to the room left beside the bands; the
        // tooltip and the table keep the full names.
        label: { fontSize: 11, width: labelWidth, overflow: 'truncate', ellipsis: '…' },
        // Resident ICBs are labelled to their left and providers to their right, outside the bands.
        levels: [
          { depth: 0, label: { position: 'left' } },
          { depth: 1, label: { position: 'right' } },
        ],
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35 },
        data: [...nodes.values()],
        links: largest.map((r) => ({
          source: residentNode(r),
          target: providerNode(r),
          value: roundTo(r.spend, 0),
          // Flows leaving the resident ICB's own boundary are the ones that need coordinating.
          lineStyle: r.providerIcb === r.residentIcb ? undefined : { color: NHS_WARM_YELLOW, opacity: 0.5 },
        })),
      },
    ],
  };
}
