// Targets against actuals of one indicator, year by year, as a plain ECharts definition (rendered to SVG on the
// server by shared/charts/charts.server.ts). The words come translated from the caller (the page's language); the
// same figures are always in the data table under the chart. Drawn small (480 × 260) with large type, so that the
// SVG, which scales to the width of the screen, stays readable on a phone.
import type { EChartsOption } from 'echarts';
import { PALETTE } from '../../shared/charts/charts.ts';
import { formatNumberUpTo, type Locale } from '../../shared/format/index.ts';

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';

/** The size the chart is drawn at (the SVG scales to the width of its container). */
export const TARGETS_CHART_SIZE = { width: 480, height: 260 };

export interface TargetsChartWords {
  /** Series names and axis names, already in the reader's language. */
  actual: string;
  target: string;
  xAxis: string;
  yAxis: string;
}

export function targetsVsActualsChart(options: {
  years: number[];
  actual: (number | null)[];
  target: (number | null)[];
  percent: boolean;
  words: TargetsChartWords;
  locale: Locale;
}): EChartsOption {
  const { words, locale } = options;
  const number = (v: number) => formatNumberUpTo(locale, v, 2);
  const label = (v: unknown) => (typeof v === 'number' ? `${number(v)}${options.percent ? (locale === 'it' ? ' %' : '%') : ''}` : '');
  const many = options.years.length > 4;
  return {
    animation: false,
    color: [PALETTE[0]!, PALETTE[3]!],
    textStyle: { fontFamily: FONT, fontSize: 15, color: '#1a1a1a' },
    grid: { left: 12, right: 16, top: 48, bottom: 12, containLabel: true },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: { fontSize: 15 }, data: [words.actual, words.target] },
    xAxis: {
      type: 'category',
      name: words.xAxis,
      nameLocation: 'middle',
      nameGap: many ? 44 : 28,
      nameTextStyle: { fontSize: 14 },
      data: options.years.map(String),
      // Many years: every label kept, turned so that they do not overlap on a narrow screen.
      axisLabel: { color: '#1a1a1a', fontSize: 14, interval: 0, rotate: many ? 45 : 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: words.yAxis,
      nameTextStyle: { fontSize: 14, align: 'left' },
      min: 0,
      splitNumber: 3,
      axisLabel: { color: '#1a1a1a', fontSize: 14, formatter: (v: number) => label(v) },
    },
    series: [
      {
        name: words.actual,
        type: 'bar',
        barMaxWidth: 40,
        data: options.actual,
        label: { show: true, position: 'top', fontSize: 14, color: '#1a1a1a', formatter: (p: { value: unknown }) => label(p.value) },
      },
      {
        name: words.target,
        type: 'line',
        data: options.target,
        symbol: 'diamond',
        symbolSize: 14,
        lineStyle: { type: 'dashed', width: 3 },
        connectNulls: false,
      },
    ],
  };
}
