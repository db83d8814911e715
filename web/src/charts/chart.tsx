// Thin React wrapper over ECharts: only the chart types and components the app draws are registered, so
// the bundle carries nothing else. The chart is an image to assistive technology, named by `label`; every
// chart on a page sits beside a table with the same figures.
import { BarChart, LineChart, MapChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  LineChart,
  MapChart,
  SankeyChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { registerMap };

export function Chart({
  option,
  label,
  variant,
}: {
  option: EChartsCoreOption;
  label: string;
  variant?: 'map' | 'tall';
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={element} className={`fp-chart${variant ? ` fp-chart--${variant}` : ''}`} role="img" aria-label={label} />
  );
}
