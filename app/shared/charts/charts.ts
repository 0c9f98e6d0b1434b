// Chart definitions are plain ECharts options built by pure functions, so the same definition renders as SVG on
// the server (charts.server.ts) and, where wanted, interactively in the browser.
import type { EChartsOption } from 'echarts';

/** Bootstrap Italia's palette: primary blue first, then colours that keep contrast on white. */
export const PALETTE = ['#0066cc', '#d9364f', '#008055', '#cc7a00', '#5c6f82', '#004d99', '#a61d4d', '#00624a'];

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';

export interface SeriesPoint {
  label: string;
  value: number | null;
}

/** A line chart of one or more yearly series. */
export function lineChart(options: {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  yName?: string;
  locale?: string;
}): EChartsOption {
  const fmt = new Intl.NumberFormat(options.locale ?? 'it-IT', { useGrouping: 'always' });
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1a1a1a' },
    grid: { left: 72, right: 24, top: 36, bottom: 40 },
    legend: options.series.length > 1 ? { top: 0 } : undefined,
    xAxis: { type: 'category', data: options.categories, axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', name: options.yName, scale: true, axisLabel: { color: '#1a1a1a', formatter: (v: number) => fmt.format(v) } },
    series: options.series.map((s) => ({
      name: s.name,
      type: 'line',
      data: s.values,
      symbolSize: 8,
      lineStyle: { width: 3 },
      label: { show: true, position: 'top', color: '#1a1a1a', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt.format(p.value) : '') },
    })),
  };
}

/** A horizontal bar chart (categories read top to bottom in the given order). */
export function barChart(options: { points: SeriesPoint[]; name: string; locale?: string; digits?: number }): EChartsOption {
  const fmt = new Intl.NumberFormat(options.locale ?? 'it-IT', { useGrouping: 'always', maximumFractionDigits: options.digits ?? 0 });
  const points = [...options.points].reverse();
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1a1a1a' },
    grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: '#1a1a1a' }, axisTick: { show: false } },
    series: [
      {
        name: options.name,
        type: 'bar',
        data: points.map((p) => p.value),
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          color: '#1a1a1a',
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt.format(p.value) : '—'),
        },
      },
    ],
  };
}
