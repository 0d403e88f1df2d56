import { Alert, Card, Col, Empty, InputNumber, Row, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import { api, type ListedUnit, type TreeBasis } from '../shared/api.js'
import { formatPercent } from '../shared/format.js'
import { INDICATORS, type IndicatorId } from '../shared/labels.js'
import { useApiData } from '../shared/use-api-data.js'
import { useDebounced } from '../shared/use-debounced.js'
import type { Attribution } from '../shared/figure-basis.js'

interface Props {
  unitCode: string
  from: string
  to: string
  /** The tree the units are listed by (the dashboard's choice). */
  tree: TreeBasis
  /** Where processing and lateness count (the dashboard's choice). */
  by: Attribution
  indicator: IndicatorId
}

/**
 * The letters' lists, by the letters' own rule: praised (≥ 88 %); criticised (≤ 20 %, or never
 * e-certified a copy up to the period's end, and never a praised unit); the communes that never
 * e-certified; nothing done in the period; nothing to measure.
 */
export function ThresholdLists({ unitCode, from, to, tree, by, indicator }: Props) {
  const [above, setAbove] = useState<number>(88)
  const [below, setBelow] = useState<number>(20)
  // Typing a threshold should not send a request per key.
  const settledAbove = useDebounced(above, 250)
  const settledBelow = useDebounced(below, 250)
  const { data: lists, error, loading } = useApiData(
    (signal) => api.lists({ unit: unitCode, from, to, indicator, above: settledAbove, below: settledBelow, tree, by }, signal),
    [unitCode, from, to, tree, by, indicator, settledAbove, settledBelow],
  )

  const column = (title: string, units: ListedUnit[] | undefined, emptyText: string, testId: string) => (
    <Col xs={24} md={12} xl={8}>
      <Card size="small" title={`${title} (${units?.length ?? 0})`} data-testid={testId}>
        {units && units.length > 0 ? (
          <ul className="unit-list">
            {units.map((u) => (
              <li key={u.unitCode}>
                <span>{u.unitName}</span>
                <span>{formatPercent(u.value)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        )}
      </Card>
    </Col>
  )

  return (
    <section aria-label="Danh sách biểu dương, phê bình">
      <Space wrap style={{ display: 'flex', marginBottom: 8 }} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          Biểu dương, phê bình — {INDICATORS[indicator].label.toLowerCase()}
        </Typography.Title>
        {loading && <Spin size="small" />}
      </Space>
      <Space wrap style={{ display: 'flex', marginBottom: 12 }} size="large">
        <label>
          Biểu dương từ{' '}
          <InputNumber<number> min={0} max={100} step={1} value={above} onChange={(v) => v !== null && setAbove(v)} suffix="%" aria-label="Ngưỡng biểu dương (%)" style={{ width: 120 }} />
        </label>
        <label>
          Phê bình từ{' '}
          <InputNumber<number> min={0} max={100} step={1} value={below} onChange={(v) => v !== null && setBelow(v)} suffix="%" aria-label="Ngưỡng phê bình (%)" style={{ width: 120 }} /> trở xuống
        </label>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} role="alert" style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]}>
        {column(`Biểu dương (≥ ${formatPercent(above)})`, lists?.above, 'Không có đơn vị nào đạt ngưỡng', 'list-above')}
        {column(`Phê bình (≤ ${formatPercent(below)} hoặc chưa thực hiện chứng thực điện tử)`, lists?.criticised, 'Không có đơn vị nào bị phê bình', 'list-below')}
        {column('Chưa thực hiện chứng thực điện tử (lũy kế)', lists?.ecertNotStarted, 'Xã nào cũng đã thực hiện', 'list-ecert-not-started')}
        {column('Bằng 0 trong kỳ', lists?.zero, 'Đơn vị nào cũng đã thực hiện', 'list-zero')}
        {column('Không phát sinh hồ sơ', lists?.noValue, 'Đơn vị nào cũng có hồ sơ', 'list-no-value')}
      </Row>
    </section>
  )
}
