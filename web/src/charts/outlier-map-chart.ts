// A map of ICBs coloured by where each sits against England on the funnel plot: above or below the 99.8%
// or 95% limits, or within them. Categories, not a continuous scale, because the question is "which ICBs
// are outliers"; the funnel and the table give the rates.
import type { EChartsCoreOption } from 'echarts/core';
import { ICB_MAP_NAME } from './icb-map-chart.ts';
import { TEXT_STYLE } from './palette.ts';

export interface IcbSignificance {
  code: string;
  name: string;
  significance: string | null;
}

export const SIGNIFICANCE_LEVELS = [
  { value: 2, significance: 'High (0.001)', label: 'Above 99.8% limit', color: '#d5281b' },
  { value: 1, significance: 'High (0.025)', label: 'Above 95% limit', color: '#f4b183' },
  { value: 0, significance: 'Not significant', label: 'Within the limits', color: '#e8edee' },
  { value: -1, significance: 'Low (0.025)', label: 'Below 95% limit', color: '#9fc3e7' },
  { value: -2, significance: 'Low (0.001)', label: 'Below 99.8% limit', color: '#003087' },
] as const;

export function outlierMapChart(values: IcbSignificance[]): EChartsCoreOption {
  const levelOf = (significance: string | null) => SIGNIFICANCE_LEVELS.find((l) => l.significance === significance);
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'item' },
    visualMap: {
      type: 'piecewise',
      pieces: SIGNIFICANCE_LEVELS.map((l) => ({ value: l.value, label: l.label, color: l.color })),
      left: 0,
      bottom: 0,
    },
    series: [
      {
        type: 'map',
        map: ICB_MAP_NAME,
        nameProperty: 'code',
        roam: false,
        aspectScale: 0.62,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        itemStyle: { borderColor: '#425563', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb81c' } },
        select: { disabled: true },
        nameMap: Object.fromEntries(values.map((v) => [v.code, v.name])),
        data: values.map((v) => ({ name: v.name, value: levelOf(v.significance)?.value ?? '-' })),
      },
    ],
  };
}
