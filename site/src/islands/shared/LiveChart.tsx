/**
 * A uPlot chart for data that changes many times a second: built once (and again when the theme or the set of
 * series changes), then fed with setData, which is far cheaper than rebuilding.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface LiveSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  label: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: LiveSeries[];
  height?: number;
  /** Logarithmic y axis, for latencies that grow by orders of magnitude; values ≤ 0 are left out. */
  log?: boolean;
}

const PALETTE = ['--sl-color-text-accent', '--sl-color-orange', '--sl-color-green', '--sl-color-red'];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function LiveChart({ label, xLabel, yLabel, x, series, height = 280, log = false }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>();
  const data = [x, ...series.map((s) => (log ? s.values.map((v) => (v !== null && v > 0 ? v : null)) : s.values))] as uPlot.AlignedData;
  // The latest data, so a chart rebuilt for a theme change shows it at once.
  const latest = useRef(data);
  latest.current = data;
  const labels = series.map((s) => s.label).join('\u0000');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const build = () => {
      chart.current?.destroy();
      const text = cssVar('--sl-color-gray-2');
      const grid = cssVar('--sl-color-gray-5');
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      chart.current = new uPlot(
        {
          width: Math.max(240, element.clientWidth),
          height,
          // A legend of names only: live values would jump as fast as the chart updates.
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
          axes: [
            { ...axis, label: xLabel },
            { ...axis, label: yLabel, size: 60 },
          ],
          series: [{ label: xLabel }, ...labels.split('\u0000').map((name, i) => ({ label: name, stroke: cssVar(PALETTE[i % PALETTE.length] as string), width: 2, spanGaps: true, points: { show: false } }))],
        },
        latest.current,
        element,
      );
    };
    build();
    const resize = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(240, element.clientWidth), height }));
    resize.observe(element);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      resize.disconnect();
      theme.disconnect();
      chart.current?.destroy();
      chart.current = undefined;
    };
  }, [labels, height, xLabel, yLabel, log]);

  useEffect(() => {
    chart.current?.setData(latest.current);
  }, [x, series]);

  return <div class="tool-chart" ref={container} role="img" aria-label={label} />;
}
