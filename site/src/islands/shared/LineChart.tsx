/**
 * A uPlot line chart that follows the site's theme. uPlot draws on a canvas, so colours are read from Starlight's
 * CSS variables when the chart is built, and the chart is rebuilt when the theme changes.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** Draw markers only (measured points), not a line. */
  points?: boolean;
  /** Use the accent colour; other series use the second colour. */
  accent?: boolean;
  dashed?: boolean;
}

interface Props {
  /** Short description for screen readers; the same numbers are in the tables beside the chart. */
  label: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: ChartSeries[];
  height?: number;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function LineChart({ label, xLabel, yLabel, x, series, height = 260 }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: uPlot | undefined;
    const build = () => {
      chart?.destroy();
      const text = cssVar('--sl-color-gray-2');
      const grid = cssVar('--sl-color-gray-5');
      const accent = cssVar('--sl-color-text-accent');
      const second = cssVar('--sl-color-orange');
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      chart = new uPlot(
        {
          width: Math.max(240, element.clientWidth),
          height,
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false } },
          axes: [
            { ...axis, label: xLabel },
            { ...axis, label: yLabel, size: 60 },
          ],
          series: [
            { label: xLabel },
            ...series.map((s) => ({
              label: s.label,
              stroke: s.accent ? accent : second,
              width: 2,
              dash: s.dashed ? [6, 4] : undefined,
              spanGaps: true,
              points: s.points ? { show: true, size: 7, fill: second, stroke: second } : { show: false },
              paths: s.points ? () => null : undefined,
            })),
          ],
        },
        [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
        element,
      );
    };
    build();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(240, element.clientWidth), height }));
    resize.observe(element);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      resize.disconnect();
      theme.disconnect();
      chart?.destroy();
    };
  }, [x, series, height, xLabel, yLabel]);

  return <div class="tool-chart" ref={container} role="img" aria-label={label} />;
}
