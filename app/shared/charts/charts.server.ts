import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * Renders a chart definition to an SVG string on the server (no browser, no canvas). The SVG is decorative for
 * assistive technologies: every chart is shown with its data table and a text summary.
 */
export function renderChartSvg(option: EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart
      .renderToSVGString()
      .replace('<svg ', '<svg aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet" style="max-width:100%;height:auto" ');
  } finally {
    chart.dispose();
  }
}
