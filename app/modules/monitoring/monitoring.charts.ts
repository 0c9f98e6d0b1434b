// Targets against actuals of one indicator, year by year, as a plain ECharts definition (rendered to SVG on the
// server by shared/charts/charts.server.ts). The same figures are always in a table next to the chart.
import type { EChartsOption } from 'echarts';
import { PALETTE } from '../../shared/charts/charts.ts';

const FONT = 'Titillium Web, Geneva, Tahoma, sans-serif';

export function targetsVsActualsChart(options: { years: number[]; actual: (number | null)[]; target: (number | null)[]; percent: boolean }): EChartsOption {
  const fmt = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 2 });
  const label = (v: unknown) => (typeof v === 'number' ? `${fmt.format(v)}${options.percent ? ' %' : ''}` : '');
  return {
    animation: false,
    color: [PALETTE[0]!, PALETTE[3]!],
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#1a1a1a' },
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, data: ['Valore misurato', 'Target'] },
    xAxis: { type: 'category', data: options.years.map(String), axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'value', min: 0, axisLabel: { color: '#1a1a1a', formatter: (v: number) => label(v) } },
    series: [
      {
        name: 'Valore misurato',
        type: 'bar',
        barMaxWidth: 36,
        data: options.actual,
        label: { show: true, position: 'top', color: '#1a1a1a', formatter: (p: { value: unknown }) => label(p.value) },
      },
      { name: 'Target', type: 'line', data: options.target, symbol: 'diamond', symbolSize: 12, lineStyle: { type: 'dashed', width: 2 }, connectNulls: false },
    ],
  };
}
