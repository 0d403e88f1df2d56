import { LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { describeIndexPeriod, formatPoints, type IndexOverview } from './index-api.js'

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer])

/** The unit's score, period after period, out of 100 (of the points motcua could score). */
export default function IndexTrend({ trend, unitName }: { trend: IndexOverview['trend']; unitName: string }) {
  const element = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!element.current) return
    const chart = echarts.init(element.current)
    const per100 = trend.map((t) => (t.max_total > 0 ? Math.round((t.total / t.max_total) * 10000) / 100 : null))
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const t = trend[items[0]?.dataIndex ?? 0]
          return t ? `${describeIndexPeriod(t.period)}<br/>${formatPoints(t.total)}/${formatPoints(t.max_total)} điểm` : ''
        },
      },
      xAxis: { type: 'category', data: trend.map((t) => describeIndexPeriod(t.period)) },
      yAxis: { type: 'value', min: 0, max: 100, name: 'điểm /100' },
      series: [{ type: 'line', name: unitName, data: per100, connectNulls: false, label: { show: true, formatter: (p: { value: number }) => formatPoints(p.value) } }],
    })
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [trend, unitName])

  return <div ref={element} style={{ width: '100%', height: 260 }} role="img" aria-label={`Điểm Chỉ số 766 của ${unitName} theo kỳ`} />
}
