import type { ChartOption } from '@/charts/echarts';
import type { CountItem, CoverageGroup, MonthCount } from '@/api/types';

export function barOption(items: CountItem[], seriesName: string, horizontal = false): ChartOption {
  const labels = items.map((i) => i.label);
  const values = items.map((i) => i.count);
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0, rotate: horizontal ? 0 : labels.length > 6 ? 30 : 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 100 : 40, right: 20, top: 20, bottom: horizontal ? 20 : 60 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ name: seriesName, type: 'bar', data: values, barMaxWidth: 32, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  } as ChartOption;
}

export function pieOption(items: CountItem[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      name: seriesName, type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'],
      data: items.map((i) => ({ name: i.label, value: i.count })),
      label: { formatter: '{b}\n{c}' },
    }],
  } as ChartOption;
}

export function lineOption(items: MonthCount[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: items.map((i) => i.month), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'line', smooth: true, data: items.map((i) => i.count), areaStyle: { opacity: 0.12 } }],
  } as ChartOption;
}

/** Key figures contacted in time and not, stacked per group, each bar labelled with its share. */
export function coverageOption(groups: CoverageGroup[], names: { contacted: string; missed: string }, horizontal = false): ChartOption {
  const labels = groups.map((g) => `${g.label}（${Math.round(g.share * 100)}%）`);
  const category = { type: 'category' as const, data: labels, axisLabel: { interval: 0 } };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: horizontal ? 130 : 40, right: 20, top: 20, bottom: 50 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      { name: names.contacted, type: 'bar', stack: 'all', data: groups.map((g) => g.contacted), barMaxWidth: 32, itemStyle: { color: '#67c23a' } },
      { name: names.missed, type: 'bar', stack: 'all', data: groups.map((g) => g.figures - g.contacted), barMaxWidth: 32, itemStyle: { color: '#f56c6c' } },
    ],
  } as ChartOption;
}
