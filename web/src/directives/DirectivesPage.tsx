import { PlusOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Input, Result, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { Me } from '../shared/api.js'
import { formatDate, formatPercent } from '../shared/format.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { useDebounced } from '../shared/use-debounced.js'
import { followLink, navigate } from '../shell/navigation.js'
import { directivesApi, OCR_STATUS_LABELS, type DirectiveSummary, type UnitCompletion } from './directives-api.js'
import { directivePath } from './paths.js'
import { RecordDirectiveModal } from './RecordDirectiveModal.js'
import { TaskTable } from './TaskTable.js'

/** The reading (OCR) of a directive's scan: its state, and the reason when it failed. */
function OcrTag({ d }: { d: DirectiveSummary }) {
  if (d.ocr_status === null) return null
  const label = OCR_STATUS_LABELS[d.ocr_status] ?? d.ocr_status
  return d.ocr_error ? (
    <Tooltip title={d.ocr_error}>
      <Tag color="red">{label}</Tag>
    </Tooltip>
  ) : (
    <Tag color={d.ocr_status === 'done' ? 'green' : 'default'}>{label}</Tag>
  )
}

/**
 * Chỉ đạo, điều hành: the directives received and sent — their scans read (OCR) in the background
 * and searched by number, subject or what the scan says, typed with or without diacritics —, the
 * tasks overdue and due this week, and each unit's completion.
 */
export default function DirectivesPage({ me }: { me: Me }) {
  const [unit, setUnit] = useState(() => new URLSearchParams(window.location.search).get('unit') || me.unit_code)
  const units = useVisibleUnits()
  // From the dashboard's "Ghi công văn đã cấp số": the form opens with the letter's period.
  const [letterPeriod] = useState(() => {
    const params = new URLSearchParams(window.location.search)
    const from = params.get('from')
    const to = params.get('to')
    return params.get('ghi-cong-van') === '1' && from && to ? { from, to } : null
  })
  const [recording, setRecording] = useState(() => letterPeriod !== null && me.permissions.includes('directives:write'))
  const canWrite = me.permissions.includes('directives:write')
  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}?unit=${encodeURIComponent(unit)}`)
  }, [unit])
  const [query, setQuery] = useState('')
  const typed = useDebounced(query.trim(), 400)
  // One letter matches too much to be a search: the list stays whole until two are typed.
  const searched = typed.length >= 2 ? typed : ''
  const directives = useApiData((signal) => directivesApi.list(searched, signal), [searched])
  const tasks = useApiData((signal) => directivesApi.tasks({ unit }, signal), [unit])
  const all = tasks.data?.items ?? []

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Chỉ đạo, điều hành
          </Typography.Title>
          <Typography.Text type="secondary">Văn bản chỉ đạo, nhiệm vụ giao và việc thực hiện của các đơn vị</Typography.Text>
        </div>
        <Space wrap align="end">
          {hasChoice(units) && <UnitPicker units={units} value={unit} expanded={me.unit_code} onChange={setUnit} />}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              Ghi văn bản chỉ đạo
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'directives',
              label: 'Văn bản chỉ đạo',
              children: (
                <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                  <Input
                    allowClear
                    prefix={<SearchOutlined />}
                    placeholder="Tìm theo số, trích yếu, nội dung bản quét; ví dụ: quang nghiep"
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                    aria-label="Tìm văn bản chỉ đạo theo số, trích yếu hoặc nội dung bản quét"
                    style={{ maxWidth: 480 }}
                  />
                  {directives.error ? (
                    <Result status="warning" title="Không tải được văn bản chỉ đạo" subTitle={directives.error.message} />
                  ) : (
                    <Table<DirectiveSummary>
                      rowKey="id"
                      size="small"
                      loading={directives.loading}
                      dataSource={directives.data ?? []}
                      locale={{ emptyText: <Empty description={searched ? 'Không có văn bản nào chứa cụm từ này' : 'Chưa có văn bản chỉ đạo nào'} /> }}
                      onRow={(d) => ({ 'data-directive': d.number }) as React.HTMLAttributes<HTMLElement>}
                      columns={[
                        { title: 'Số, ký hiệu', key: 'number', width: 200, render: (_, d) => <a href={directivePath(d.id)} onClick={(e) => followLink(e, directivePath(d.id))}>{d.doc_type} số {d.number}</a> },
                        { title: 'Ngày', dataIndex: 'issued_on', width: 100, render: (d: string) => formatDate(d) },
                        { title: '', dataIndex: 'direction', width: 110, render: (d: string) => (d === 'outgoing' ? <Tag color="blue">Văn bản đi</Tag> : <Tag>Văn bản đến</Tag>) },
                        { title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 200 },
                        {
                          title: 'Trích yếu',
                          key: 'subject',
                          render: (_, d) => (
                            <>
                              {d.subject}
                              {d.snippet && (
                                <div data-testid="directive-snippet">
                                  <Typography.Text type="secondary">Bản quét: “{d.snippet}”</Typography.Text>
                                </div>
                              )}
                            </>
                          ),
                        },
                        { title: 'Đọc nội dung', key: 'ocr', width: 110, render: (_, d) => <OcrTag d={d} /> },
                      ]}
                    />
                  )}
                </Space>
              ),
            },
            {
              key: 'overdue',
              label: `Quá hạn (${all.filter((o) => o.overdue).length})`,
              children: <TaskTable items={all.filter((o) => o.overdue)} me={me} loading={tasks.loading} withDirective empty="Không có nhiệm vụ quá hạn" onChanged={tasks.reload} />,
            },
            {
              key: 'week',
              label: `Đến hạn trong tuần (${all.filter((o) => o.due_this_week).length})`,
              children: <TaskTable items={all.filter((o) => o.due_this_week)} me={me} loading={tasks.loading} withDirective empty="Tuần này không có nhiệm vụ đến hạn" onChanged={tasks.reload} />,
            },
            {
              key: 'review',
              label: `Chờ xem xét (${all.filter((o) => o.state === 'submitted' || o.state === 'resubmitted').length})`,
              children: <TaskTable items={all.filter((o) => o.state === 'submitted' || o.state === 'resubmitted')} me={me} loading={tasks.loading} withDirective empty="Không có báo cáo chờ xem xét" onChanged={tasks.reload} />,
            },
            {
              key: 'completion',
              label: 'Hoàn thành theo đơn vị',
              children: (
                <Table<UnitCompletion>
                  rowKey="unit_code"
                  size="small"
                  loading={tasks.loading}
                  dataSource={tasks.data?.completion ?? []}
                  pagination={false}
                  columns={[
                    { title: 'Đơn vị', dataIndex: 'unit_name' },
                    { title: 'Đúng hạn', dataIndex: 'on_time', width: 90, align: 'right' },
                    { title: 'Trễ hạn', dataIndex: 'late', width: 90, align: 'right' },
                    { title: 'Chưa nộp (quá hạn)', dataIndex: 'missing', width: 140, align: 'right' },
                    { title: 'Chưa đến hạn', dataIndex: 'pending', width: 110, align: 'right' },
                    { title: 'Tỷ lệ đúng hạn', dataIndex: 'on_time_rate', width: 130, align: 'right', render: (v: number | null) => formatPercent(v) },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <RecordDirectiveModal
        open={recording}
        unit={unit}
        letterPeriod={letterPeriod}
        units={units}
        onClose={() => setRecording(false)}
        onRecorded={(d) => {
          setRecording(false)
          navigate(directivePath(d.id))
        }}
      />
    </Space>
  )
}
