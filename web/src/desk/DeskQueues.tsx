import { PlusOutlined } from '@ant-design/icons'
import { Badge, Button, Card, Empty, Result, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { Me } from '../shared/api.js'
import { formatDateTime } from '../shared/format.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { dossierPath, followLink, navigate, RECEIVE_PATH } from '../shell/navigation.js'
import { CHANNEL_LABELS, deskApi, QUEUE_LABELS, type DossierSummary, type QueueName } from './desk-api.js'
import { labelOf } from '../shared/labels.js'
import { DeskSearch } from './DeskSearch.js'
import { SCAN_SEARCH_PATH, TRACKING_BOOK_PATH, WORKLOAD_PATH } from './desk-work-api.js'
import { BULK_STEP_OF, BulkActions } from './BulkActions.js'
import { DeadlineAlert } from './DeadlineAlert.js'
import { DeskShortcuts } from './DeskShortcuts.js'
import { StuckDossiers } from './StuckDossiers.js'

const QUEUES: QueueName[] = ['mine', 'to_sign', 'to_hand_over', 'to_process', 'supplement', 'due_soon', 'overdue', 'finished', 'all']
const PAGE_SIZE = 20

/** Each role starts where its work is: the counter hands over what it received, a specialist processes, a leader watches what is late. */
function defaultQueue(me: Me): QueueName {
  if (me.role === 'officer') return 'to_hand_over'
  if (me.role === 'specialist') return 'mine'
  if (me.role === 'leader' || me.role === 'monitor') return 'overdue'
  return 'to_process'
}

function readParams(me: Me): { unit: string; queue: QueueName; search: string } {
  const params = new URLSearchParams(window.location.search)
  const queue = params.get('hang-doi') as QueueName | null
  return { unit: params.get('unit') || me.unit_code, queue: queue && QUEUES.includes(queue) ? queue : defaultQueue(me), search: params.get('tim') ?? '' }
}

/** The desk's work queues (hàng đợi hồ sơ) of a unit and its subtree, with how many wait in each. */
export default function DeskQueues({ me }: { me: Me }) {
  const [view, setView] = useState(() => readParams(me))
  const [page, setPage] = useState(1)
  const units = useVisibleUnits()
  const canReceive = me.permissions.includes('dossiers:write')

  useEffect(() => {
    const params = new URLSearchParams({ unit: view.unit, 'hang-doi': view.queue, ...(view.search ? { tim: view.search } : {}) })
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`)
  }, [view])

  const [selected, setSelected] = useState<string[]>([])
  useEffect(() => setSelected([]), [view])
  // A search looks through every queue of the unit; clearing it comes back to the queue.
  const { data, error, loading, reload } = useApiData(
    (signal) => deskApi.queue(view.search ? { unit: view.unit, q: view.search, queue: 'all', page, page_size: PAGE_SIZE } : { unit: view.unit, queue: view.queue, page, page_size: PAGE_SIZE }, signal),
    [view, page],
  )
  // The badges: every queue counted by the server in one query; refreshed with the unit.
  // (no badges while another unit's counts load: the old unit's would mislead)
  const queueCounts = useApiData((signal) => deskApi.queueCounts(view.unit, signal), [view.unit])
  const counts: Partial<Record<QueueName, number>> = (!queueCounts.loading && queueCounts.data) || {}

  const columns = [
    {
      title: 'Mã hồ sơ',
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => (
        <a href={dossierPath(code)} onClick={(e) => followLink(e, dossierPath(code))} data-dossier={code}>
          {code}
        </a>
      ),
    },
    { title: 'Thủ tục', dataIndex: 'procedure_name', key: 'procedure', ellipsis: true },
    { title: 'Người nộp', dataIndex: 'applicant_name', key: 'applicant', render: (name: string | null) => name ?? '—' },
    { title: 'Kênh', dataIndex: 'channel', key: 'channel', render: (c: string) => labelOf(CHANNEL_LABELS, c) },
    { title: 'Tiếp nhận', dataIndex: 'received_at', key: 'received', render: (t: string) => formatDateTime(t) },
    {
      title: 'Hẹn trả',
      key: 'due',
      render: (_: unknown, d: DossierSummary) => <span className={d.overdue ? 'status-overdue' : undefined}>{d.due_at ? formatDateTime(d.due_at) : '—'}</span>,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_: unknown, d: DossierSummary) => (
        <Space size={4} wrap>
          <Tag>{d.status_label}</Tag>
          {d.overdue && <Tag color="red">{QUEUE_LABELS.overdue}</Tag>}
        </Space>
      ),
    },
    { title: 'Người xử lý', key: 'assignee', render: (_: unknown, d: DossierSummary) => d.assignee_name ?? (d.assigned_unit_code ? `Đơn vị ${d.assigned_unit_code}` : '—') },
    {
      title: 'Số hóa',
      key: 'digitized',
      render: (_: unknown, d: DossierSummary) => (
        <span className={d.components_digitized < d.components_total ? 'component-missing' : undefined}>
          {d.components_digitized}/{d.components_total}
          {d.result_digitized ? ' · có kết quả' : ''}
        </span>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Bộ phận Một cửa
          </Typography.Title>
          <Typography.Text type="secondary">Hồ sơ đang ở đơn vị, theo từng việc cần làm</Typography.Text>
        </div>
        <Space wrap align="end">
          <DeskShortcuts page="queues" canWrite={canReceive} />
          {hasChoice(units) && (
            <div>
              <label htmlFor="desk-unit" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
                Đơn vị
              </label>
              <UnitPicker
                id="desk-unit"
                units={units}
                value={view.unit}
                expanded={me.unit_code}
                onChange={(unit) => {
                  setPage(1)
                  setView((v) => ({ ...v, unit }))
                }}
              />
            </div>
          )}
          <Button href={TRACKING_BOOK_PATH} onClick={(e) => (e.preventDefault(), navigate(`${TRACKING_BOOK_PATH}?unit=${encodeURIComponent(view.unit)}`))}>
            Sổ theo dõi hồ sơ
          </Button>
          <Button href={SCAN_SEARCH_PATH} onClick={(e) => (e.preventDefault(), navigate(`${SCAN_SEARCH_PATH}?unit=${encodeURIComponent(view.unit)}`))}>
            Tìm trong bản quét
          </Button>
          {me.permissions.includes('officials:read') && (
            <Button href={WORKLOAD_PATH} onClick={(e) => (e.preventDefault(), navigate(`${WORKLOAD_PATH}?unit=${encodeURIComponent(view.unit)}`))}>
              Kết quả theo cán bộ
            </Button>
          )}
          {canReceive && (
            <Button type="primary" icon={<PlusOutlined />} href={RECEIVE_PATH} onClick={(e) => (e.preventDefault(), navigate(RECEIVE_PATH))}>
              Tiếp nhận hồ sơ
            </Button>
          )}
        </Space>
      </div>
      <DeadlineAlert counts={counts} onOpen={(queue) => (setPage(1), setView((v) => ({ ...v, queue })))} />
      <StuckDossiers unit={view.unit} />
      <Card size="small">
        <DeskSearch
          value={view.search}
          onSearch={(search) => {
            setPage(1)
            setView((v) => ({ ...v, search }))
          }}
        />
        {view.search ? (
          <Typography.Paragraph style={{ margin: '8px 0' }} data-testid="search-summary">
            Kết quả tìm “{view.search}” trong mọi hàng đợi{data ? `: ${data.total.toLocaleString('vi-VN')} hồ sơ` : ''}
          </Typography.Paragraph>
        ) : (
        <Tabs
          activeKey={view.queue}
          onChange={(key) => {
            setPage(1)
            setView((v) => ({ ...v, queue: key as QueueName }))
          }}
          items={QUEUES.map((queue) => ({
            key: queue,
            label: (
              <span data-queue={queue}>
                {QUEUE_LABELS[queue]}{' '}
                {counts[queue] !== undefined && <Badge count={counts[queue]} overflowCount={9999} showZero color={queue === 'overdue' && counts[queue] ? '#a8071a' : '#8c8c8c'} />}
              </span>
            ),
          }))}
        />
        )}
        {error ? (
          <Result status="warning" title="Không tải được danh sách hồ sơ" subTitle={error.message} />
        ) : (
          <>
          {canReceive && BULK_STEP_OF[view.queue] && (
            <div style={{ marginBottom: 8 }}>
              <BulkActions queue={view.queue} codes={selected} onDone={() => (setSelected([]), reload(), queueCounts.reload())} />
            </div>
          )}
          <Table<DossierSummary>
            rowKey="code"
            {...(canReceive && BULK_STEP_OF[view.queue] ? { rowSelection: { selectedRowKeys: selected, onChange: (keys: React.Key[]) => setSelected(keys.map(String)) } } : {})}
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={view.search ? 'Không tìm thấy hồ sơ nào' : 'Không có hồ sơ nào trong hàng đợi này'} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `${total.toLocaleString('vi-VN')} hồ sơ`,
              onChange: setPage,
            }}
          />
          </>
        )}
      </Card>
    </Space>
  )
}
