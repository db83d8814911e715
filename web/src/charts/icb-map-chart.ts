// Choropleth of ICBs coloured by population-basis spend per head. The boundaries are registered with
// ECharts under MAP_NAME by the React wrapper; this builder only joins figures to ICB codes.
import type { EChartsCoreOption } from 'echarts/core';
import { SEQUENTIAL_BLUES, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export const ICB_MAP_NAME = 'england-icbs';

export interface IcbMapValue {
  code: string;
  name: string;
  /** null where the ICB has no population to divide by; drawn as "no data". */
  spendPerHead: number | null;
}

export function icbMapChart(values: IcbMapValue[]): EChartsCoreOption {
  const perHead = values.flatMap((v) => (v.spendPerHead === null ? [] : [v.spendPerHead]));
  const lowest = Math.floor(Math.min(...perHead));
  const highest = Math.ceil(Math.max(...perHead));
  const min = Number.isFinite(lowest) ? lowest : 0;
  const max = Number.isFinite(highest) ? highest : 0;
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}<br/>£{c} per head' },
    visualMap: {
      type: 'continuous',
      min,
      max,
      // The ends of the scale say what the shades mean, in pounds per registered patient.
      text: [`£${max.toLocaleString('en-GB')} per head`, `£${min.toLocaleString('en-GB')} per head`],
      calculable: false,
      inRange: { color: SEQUENTIAL_BLUES },
      left: 0,
      bottom: 0,
    },
    series: [
      {
        type: 'map',
        map: ICB_MAP_NAME,
        // GeoJSON features carry the ICB's ODS code; joining on it keeps names free to differ.
        nameProperty: 'code',
        roam: false,
        aspectScale: 0.62,
        layoutCenter: ['50%', '50%'],
        layoutSize: '100%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb81c' } },
        select: { disabled: true },
        // nameMap renames each region from its code to the ICB's name (shown in the tooltip); data then
        // joins on that name.
        nameMap: Object.fromEntries(values.map((v) => [v.code, v.name])),
        data: values.map((v) => ({ name: v.name, value: v.spendPerHead === null ? '-' : roundTo(v.spendPerHead, 2) })),
      },
    ],
  };
}
