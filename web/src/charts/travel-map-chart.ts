// The map of travel on the what-if page: ICBs shaded by how far their residents travel for a service
// (activity-weighted mean km from the ICB's centre to the providers that treat them), once for the
// baseline and once with the changes, on one scale so the two maps compare shade for shade.
import type { EChartsCoreOption } from 'echarts/core';
import { ICB_MAP_NAME } from './icb-map-chart.ts';
import { SEQUENTIAL_BLUES, TEXT_STYLE } from './palette.ts';
import { roundTo } from './round.ts';

export interface IcbTravel {
  code: string;
  name: string;
  /** null where the ICB has no located activity for the service; drawn as "no data". */
  km: number | null;
}

/** The shared scale: 0 km to the furthest mean of either map, rounded up to a whole 10 km. */
export function travelScale(...sides: readonly IcbTravel[][]): number {
  const furthest = Math.max(0, ...sides.flat().flatMap((v) => (v.km === null ? [] : [v.km])));
  return Math.max(10, Math.ceil(furthest / 10) * 10);
}

export function travelMapChart(values: readonly IcbTravel[], maxKm: number): EChartsCoreOption {
  return {
    textStyle: TEXT_STYLE,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} km on average' },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: maxKm,
      text: [`${maxKm.toLocaleString('en-GB')} km`, '0 km'],
      calculable: false,
      inRange: { color: SEQUENTIAL_BLUES },
      left: 0,
      bottom: 0,
      itemHeight: 100,
    },
    series: [
      {
        type: 'map',
        map: ICB_MAP_NAME,
        nameProperty: 'code',
        roam: false,
        aspectScale: 0.62,
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffb81c' } },
        select: { disabled: true },
        nameMap: Object.fromEntries(values.map((v) => [v.code, v.name])),
        data: values.map((v) => ({ name: v.name, value: v.km === null ? '-' : roundTo(v.km, 1) })),
      },
    ],
  };
}
