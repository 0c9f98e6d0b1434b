// The regional workspace's charts, as ECharts options (rendered as SVG on the server, with their data on the page).
import type { EChartsOption } from 'echarts';
import { PALETTE } from '../../shared/charts/charts.ts';

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';
const TEXT = '#1a1a1a';

/** Vertical bars: how many Ambiti fall in each class of a measure. */
export function histogramChart(options: { classes: { label: string; count: number }[]; name: string }): EChartsOption {
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: options.classes.map((c) => c.label),
      axisLabel: { color: TEXT, interval: 0, rotate: options.classes.length > 5 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    series: [
      { name: options.name, type: 'bar', data: options.classes.map((c) => c.count), barMaxWidth: 48, label: { show: true, position: 'top', color: TEXT } },
    ],
  };
}

/**
 * Horizontal bars from the highest value down, with the median as a vertical line (and its value), so that each
 * Ambito reads against the Region.
 */
export function rankingChart(options: {
  points: { label: string; value: number }[];
  median: number | null;
  medianLabel: string;
  format: (v: number) => string;
}): EChartsOption {
  const points = [...options.points].reverse();
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    grid: { left: 8, right: 90, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: TEXT }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: points.map((p) => p.value),
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: TEXT,
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? options.format(p.value) : ''),
        },
        markLine:
          options.median === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#d9364f', type: 'dashed', width: 2 },
                label: { show: true, position: 'end', color: TEXT, formatter: `${options.medianLabel}: ${options.format(options.median)}` },
                data: [{ xAxis: options.median }],
              },
      },
    ],
  };
}

/** One Ambito's measures as percentages of the median (100 = median), with the line at 100. */
export function compareChart(options: { points: { label: string; pct: number }[] }): EChartsOption {
  const points = [...options.points].reverse();
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: TEXT },
    grid: { left: 8, right: 70, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, min: 0 },
    yAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: TEXT }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: points.map((p) => Math.round(p.pct)),
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: TEXT, formatter: '{c}%' },
        markLine: { symbol: 'none', lineStyle: { color: '#d9364f', type: 'dashed', width: 2 }, label: { show: false }, data: [{ xAxis: 100 }] },
      },
    ],
  };
}
