// The chart of a request: for each item, how many recipients are in each state (stacked horizontal bars).
import type { EChartsOption } from 'echarts';
import { ENTRY_STATES, type EntryState } from './collection.rules.ts';

const COLOURS: Record<EntryState, string> = { da_compilare: '#5c6f82', bozza: '#004d99', inviato: '#0066cc', restituito: '#cc7a00', validato: '#008055' };

export function statesChart(rows: { label: string; counts: Record<EntryState, number> }[], names: Record<EntryState, string>): EChartsOption {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: 'Titillium Web, Geneva, Tahoma, sans-serif', fontSize: 13, color: '#1a1a1a' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
    yAxis: { type: 'category', data: ordered.map((r) => r.label), axisLabel: { color: '#1a1a1a' } },
    series: ENTRY_STATES.map((s) => ({
      name: names[s],
      type: 'bar',
      stack: 'stati',
      color: COLOURS[s],
      data: ordered.map((r) => r.counts[s] || null),
      label: { show: true, color: '#ffffff', formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : '') },
    })),
  };
}
