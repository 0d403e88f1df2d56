import { Alert, Card, Checkbox, Col, DatePicker, Empty, Progress, Result, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { Me, TreeBasis } from '../shared/api.js'
import { AttributionSwitch } from '../shared/AttributionSwitch.js'
import { attributionParam, readAttribution, type Attribution } from '../shared/figure-basis.js'
import { formatDate } from '../shared/format.js'
import { UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { describeIndexPeriod, formatPoints, indexApi, type IndexIndicator, type IndexOverview } from './index-api.js'

const IndexTrend = lazy(() => import('./IndexTrend.js'))

type Granularity = 'month' | 'quarter' | 'year'
const GRANULARITY_LABELS: Record<Granularity, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm' }

function periodOf(granularity: Granularity, day: Dayjs): string {
  if (granularity === 'year') return String(day.year())
  if (granularity === 'quarter') return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`
  return day.format('YYYY-MM')
}

function granularityOf(period: string): Granularity {
  return /Q/i.test(period) ? 'quarter' : period.length === 7 ? 'month' : 'year'
}

function dayOf(period: string): Dayjs {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(period)
  if (quarter) return dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`)
  return dayjs(period.length === 4 ? `${period}-01-01` : `${period}-01`)
}

interface IndexView {
  unit: string
  period: string
  /** The children of the period's tree (default) or today's units, each with its predecessors' dossiers. */
  tree: TreeBasis
  /** Processing and lateness at the receiving unit (default) or the deciding one. */
  by: Attribution
}

/** The view in the address, like the dashboard's: ?unit=H23.07&ky=2023-Q3[&tree=current][&by=decider]. Default: the last whole quarter. */
function readView(me: Me): IndexView {
  const params = new URLSearchParams(window.location.search)
  const period = params.get('ky')
  const valid = period && /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period)
  return {
    unit: params.get('unit') || me.unit_code,
    period: valid ? period : periodOf('quarter', dayjs().subtract(3, 'month')),
    tree: params.get('tree') === 'current' ? 'current' : 'period',
    by: readAttribution(params),
  }
}

const STATUS_TAGS: Record<IndexIndicator['status'], { color: string; label: string } | null> = {
  scored: null,
  empty_full_points: { color: 'green', label: 'không phát sinh, đủ điểm' },
  empty_excluded: { color: 'default', label: 'không phát sinh, không tính' },
  empty_spread: { color: 'default', label: 'không phát sinh, chia điểm' },
  no_data: { color: 'orange', label: 'chưa có dữ liệu' },
  tracked: { color: 'blue', label: 'chỉ theo dõi' },
}

/** Chỉ số 766: a unit's score, explained point by point, its children ranked, its trend, and what would add the most. */
export default function IndexPage({ me }: { me: Me }) {
  const [view, setView] = useState(() => readView(me))
  const units = useVisibleUnits()
  const granularity = granularityOf(view.period)

  useEffect(() => {
    const params = new URLSearchParams({ unit: view.unit, ky: view.period, ...(view.tree === 'current' ? { tree: 'current' } : {}), ...attributionParam(view.by) })
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`)
  }, [view])
  const { data, error, loading } = useApiData((signal) => indexApi.overview(view.unit, view.period, signal, { tree: view.tree, by: view.by }), [view])

  const report = data?.report
  const total = report?.score.total

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)
        </Typography.Title>
        <Typography.Text type="secondary">Tính trực tiếp từ dữ liệu của motcua; chỉ số nào chưa có dữ liệu thì ghi rõ và không tính vào điểm tối đa.</Typography.Text>
      </div>
      <Card size="small">
        <Space wrap align="end">
          <div>
            <label htmlFor="index-unit" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Đơn vị
            </label>
            <UnitPicker id="index-unit" units={units} value={view.unit} expanded={me.unit_code} onChange={(unit) => setView((v) => ({ ...v, unit }))} />
          </div>
          <div>
            <label htmlFor="index-granularity" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Loại kỳ
            </label>
            <Select<Granularity>
              id="index-granularity"
              style={{ width: 110 }}
              value={granularity}
              options={(Object.keys(GRANULARITY_LABELS) as Granularity[]).map((g) => ({ value: g, label: GRANULARITY_LABELS[g] }))}
              onChange={(g) => setView((v) => ({ ...v, period: periodOf(g, dayOf(v.period)) }))}
              aria-label="Loại kỳ"
            />
          </div>
          <div>
            <label htmlFor="index-period" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Kỳ đánh giá
            </label>
            <DatePicker id="index-period" picker={granularity} value={dayOf(view.period)} allowClear={false} format={(d) => describeIndexPeriod(periodOf(granularity, d))} onChange={(d) => d && setView((v) => ({ ...v, period: periodOf(granularity, d) }))} />
          </div>
          <div>
            <label htmlFor="index-current-units" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Cây đơn vị
            </label>
            <Checkbox id="index-current-units" checked={view.tree === 'current'} onChange={(e) => setView((v) => ({ ...v, tree: e.target.checked ? 'current' : 'period' }))}>
              Theo đơn vị hiện nay
            </Checkbox>
          </div>
          <AttributionSwitch name="index-tinh-theo-don-vi" value={view.by} onChange={(by) => setView((v) => ({ ...v, by }))} />
        </Space>
      </Card>

      {error ? (
        <Result status="warning" title="Không tính được chỉ số" subTitle={<span data-testid="index-error">{error.message}</span>} />
      ) : loading && !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : report && total ? (
        <div style={{ opacity: loading ? 0.6 : 1 }} aria-busy={loading}>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="index-title">
            {report.unit_name} — {describeIndexPeriod(view.period)} ({formatDate(report.period.from)} – {formatDate(report.period.to)})
          </Typography.Title>
          {!report.formula_set_applies && (
            <Alert style={{ marginBottom: 12 }} type="info" showIcon message={`Bộ tiêu chí “${report.score.formula_set.name}” áp dụng từ ${formatDate(report.score.formula_set.valid_from)}${report.score.formula_set.valid_to ? ` đến ${formatDate(report.score.formula_set.valid_to)}` : ''}: điểm của kỳ này chỉ để tham khảo.`} />
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic title="Điểm đạt / điểm có thể chấm" value={`${formatPoints(total.points)} / ${formatPoints(total.scorable_points)}`} valueStyle={{ fontSize: 28 }} />
                <div data-testid="index-total" data-points={total.points} style={{ marginTop: 8 }}>
                  {total.score_100 === null ? 'Chưa có dữ liệu để chấm' : `Quy về thang 100: ${formatPoints(total.score_100)} điểm`}
                  {total.band && <Tag color="blue" style={{ marginLeft: 8 }}>{total.band}</Tag>}
                </div>
                <Typography.Text type="secondary">
                  Tối đa {formatPoints(total.max_points)} điểm; {total.missing.length ? `${total.missing.length} chỉ số chưa có dữ liệu (${total.missing.join(', ')})` : 'đủ dữ liệu mọi chỉ số'}.
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card size="small" title="Theo nhóm tiêu chí">
                {report.score.groups.map((g) => (
                  <div key={g.id} style={{ display: 'grid', gridTemplateColumns: 'minmax(160px, 2fr) 3fr 90px', gap: 8, alignItems: 'center' }} data-group={g.id}>
                    <span>{g.label}</span>
                    <Progress percent={g.scorable_points ? Math.round((g.points / g.scorable_points) * 100) : 0} showInfo={false} status={g.scorable_points ? 'normal' : 'exception'} />
                    <span style={{ textAlign: 'right' }}>{g.scorable_points ? `${formatPoints(g.points)}/${formatPoints(g.scorable_points)}` : 'chưa có dữ liệu'}</span>
                  </div>
                ))}
              </Card>
            </Col>
          </Row>

          {report.what_if.length > 0 && (
            <Card size="small" title="Thêm điểm ở đâu nhanh nhất" style={{ marginTop: 12 }}>
              <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="what-if">
                {report.what_if.slice(0, 5).map((w) => (
                  <li key={w.id}>{(w.first_point ?? w.to_full).sentence}</li>
                ))}
              </ol>
            </Card>
          )}

          <Card size="small" title="Từng chỉ số" style={{ marginTop: 12 }}>
            <Table<IndexIndicator>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={report.score.indicators}
              onRow={(i) => ({ 'data-indicator766': i.id }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: 'Mã', dataIndex: 'id', width: 60 },
                { title: 'Chỉ số', dataIndex: 'label' },
                { title: 'Tử số / mẫu số', key: 'fraction', width: 140, render: (_, i) => (i.numerator === null ? '—' : `${i.numerator.toLocaleString('vi-VN')} / ${(i.denominator ?? 0).toLocaleString('vi-VN')}`) },
                { title: 'Tỷ lệ', key: 'ratio', width: 110, render: (_, i) => (i.average != null ? `TB ${formatPoints(i.average)} ngày` : i.ratio === null ? '—' : `${formatPoints(i.ratio)}%`) },
                {
                  title: 'Điểm',
                  key: 'points',
                  width: 110,
                  render: (_, i) => (i.points === null ? <Typography.Text type="secondary">—/{formatPoints(i.max_points)}</Typography.Text> : `${formatPoints(i.points)}/${formatPoints(i.effective_max_points)}`),
                },
                {
                  title: 'Cách tính',
                  key: 'explanation',
                  render: (_, i) => (
                    <span>
                      {STATUS_TAGS[i.status] && <Tag color={STATUS_TAGS[i.status]!.color}>{STATUS_TAGS[i.status]!.label}</Tag>}
                      {i.status === 'no_data' ? '' : i.explanation}
                      {report.sources[i.id] && (
                        <div>
                          <Typography.Text type="secondary">Nguồn: {report.sources[i.id]}</Typography.Text>
                        </div>
                      )}
                    </span>
                  ),
                },
              ]}
            />
          </Card>

          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Xu hướng">
                {data!.trend.length ? (
                  <Suspense fallback={<Skeleton active />}>
                    <IndexTrend trend={data!.trend} unitName={report.unit_name} />
                  </Suspense>
                ) : (
                  <Empty description="Chưa có kỳ nào để so sánh" />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`Xếp hạng các đơn vị của ${report.unit_name}`}>
                <Table
                  rowKey="unit_code"
                  size="small"
                  pagination={false}
                  dataSource={data!.children}
                  locale={{ emptyText: <Empty description="Không có đơn vị cấp dưới" /> }}
                  columns={[
                    { title: 'Hạng', dataIndex: 'rank', width: 60 },
                    {
                      title: 'Đơn vị',
                      dataIndex: 'unit_name',
                      render: (name: string, c: IndexOverview['children'][number]) => (
                        <button type="button" className="figure-button" data-unit={c.unit_code} onClick={() => setView((v) => ({ ...v, unit: c.unit_code }))}>
                          {name}
                        </button>
                      ),
                    },
                    { title: 'Điểm', key: 'total', render: (_: unknown, c: IndexOverview['children'][number]) => `${formatPoints(c.total)}/${formatPoints(c.max_total)}` },
                    { title: 'Xếp loại', dataIndex: 'band', render: (band: string | null) => band ?? '—' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
    </Space>
  )
}
