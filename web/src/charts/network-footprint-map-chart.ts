// Map of England's ICBs with a network's footprint ICBs filled and the rest left pale: the footprint a
// network covers, at a glance. Uses the ICB boundaries registered under ICB_MAP_NAME.
import type { EChartsCoreOption } from 'echarts/core';
import { ICB_MAP_NAME } from './icb-map-chart.ts';
import { TEXT_STYLE } from './palette.ts';

export function networkFootprintMapChart(
  icbs: { code: string; name: string }[],
  footprint: readonly string[],
): EChartsCoreOption {
  const inside = new Set(footprint);
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}' },
    series: [
      {
        type: 'map',
        map: ICB_MAP_NAME,
        nameProperty: 'code',
        roam: false,
        aspectScale: 0.62,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        itemStyle: { areaColor: '#e8edee', borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb81c' } },
        select: { disabled: true },
        nameMap: Object.fromEntries(icbs.map((i) => [i.code, i.name])),
        data: icbs
          .filter((i) => inside.has(i.code))
          .map((i) => ({ name: i.name, value: 1, itemStyle: { areaColor: '#005eb8' } })),
      },
    ],
  };
}
