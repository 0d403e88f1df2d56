import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Space, Spin, Typography } from 'antd'
import { LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'
import { api } from '../shared/api.js'
import type { Attribution } from '../shared/figure-basis.js'
import { formatCount, formatPercent } from '../shared/format.js'
import { INDICATORS, type IndicatorId } from '../shared/labels.js'
import { useApiData } from '../shared/use-api-data.js'

// Only the parts of ECharts the chart uses; this module is itself loaded lazily.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer])

export interface TrendChartProps {
  unitCode: string
  unitName: string
  from: string
  to: string
  granularity: 'week' | 'month'
  indicator: IndicatorId
  target: number | null
  /** The table's attribution: each point is the table of its days, counted the same way. */
  by: Attribution
}

export default function TrendChart({ unitCode, unitName, from, to, granularity, indicator, target, by }: TrendChartProps) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const { data: series, error, loading } = useApiData((signal) => api.series({ unit: unitCode, from, to, granularity, by }, signal), [unitCode, from, to, granularity, by])

  const isRate = INDICATORS[indicator].kind === 'rate'
  const hasData = series !== null && series.points.some((p) => p.indicators[indicator]?.value != null)

  useEffect(() => {
    if (!element.current || !series || !hasData) return
    chart.current ??= echarts.init(element.current, undefined, { renderer: 'canvas' })
    const values = series.points.map((p) => p.indicators[indicator]?.value ?? null)
    chart.current.setOption(
      {
        animation: false,
        grid: { left: 56, right: 24, top: 40, bottom: 48 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? (isRate ? formatPercent(v) : formatCount(v)) : 'không phát sinh'),
        },
        legend: { top: 4 },
        xAxis: { type: 'category', data: series.points.map((p) => p.label), axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', min: 0, ...(isRate ? { max: 100 } : {}), axisLabel: { formatter: (v: number) => (isRate ? `${v}%` : formatCount(v)) } },
        series: [
          {
            name: INDICATORS[indicator].label,
            type: 'line',
            data: values,
            connectNulls: false,
            symbolSize: 7,
            lineStyle: { width: 3, color: '#b71c1c' },
            itemStyle: { color: '#b71c1c' },
            ...(target !== null
              ? {
                  markLine: {
                    symbol: 'none',
                    lineStyle: { type: 'dashed', color: '#389e0d', width: 2 },
                    label: { formatter: `Chỉ tiêu ${formatPercent(target)}`, position: 'insideEndTop' },
                    data: [{ yAxis: target }],
                  },
                }
              : {}),
          },
        ],
      },
      true,
    )
    chart.current.resize()
  }, [series, indicator, target, isRate, hasData])

  useEffect(() => {
    const resize = () => chart.current?.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  const downloadPng = () => {
    if (!chart.current) return
    const link = document.createElement('a')
    link.href = chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
    link.download = `bieu-do-${unitCode}-${from}-${to}.png`
    link.click()
  }

  return (
    <section aria-label="Biểu đồ xu hướng">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Xu hướng theo {granularity === 'week' ? 'tuần' : 'tháng'} — {unitName}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={downloadPng} disabled={!hasData}>
          Tải ảnh PNG
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} role="alert" />}
      {loading && !series && (
        <div style={{ height: 320, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin />
        </div>
      )}
      {series && !hasData && <Empty description="Không phát sinh hồ sơ trong khoảng thời gian này" />}
      <div
        ref={element}
        role="img"
        aria-label={`Biểu đồ ${INDICATORS[indicator].label} theo ${granularity === 'week' ? 'tuần' : 'tháng'}`}
        style={{ height: 320, width: '100%', display: hasData ? 'block' : 'none' }}
      />
    </section>
  )
}
