// Thin React wrapper over ECharts: only the chart types and components the app draws are registered, so
// the bundle carries nothing else. The chart is an image to assistive technology, named by `label`; every
// chart on a page sits beside a table with the same figures.
import { BarChart, LineChart, MapChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { labelProblems } from './label-problems.ts';

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
    const box = element.current;
    // The observer also reports a chart whose element React has just detached (a page re-rendering for a
    // new year): laying a map out in a 0×0 box leaves ECharts with a singular transform and throws
    // "Cannot read properties of null (reading '0')". Only a box with room is laid out again.
    const observer = new ResizeObserver(() => {
      if (!box.isConnected || box.clientWidth === 0 || box.clientHeight === 0) return;
      // The report is for the drawing about to be replaced; it is written again when this one finishes.
      delete box.dataset.labelProblems;
      instance.resize();
    });
    observer.observe(box);
    instance.on('finished', () => {
      box.dataset.labelProblems = labelProblems(instance).join('\n');
    });
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current || !element.current) return;
    delete element.current.dataset.labelProblems;
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={element} className={`fp-chart${variant ? ` fp-chart--${variant}` : ''}`} role="img" aria-label={label} />
  );
}
