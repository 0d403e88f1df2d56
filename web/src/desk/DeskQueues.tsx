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
import { StuckDossiers } from './StuckDossiers.js'

const QUEUES: QueueName[] = ['to_hand_over', 'to_process', 'supplement', 'due_soon', 'overdue', 'finished', 'all']
const PAGE_SIZE = 20

/** Each role starts where its work is: the counter hands over what it received, a specialist processes, a leader watches what is late. */
function defaultQueue(me: Me): QueueName {
  if (me.role === 'officer') return 'to_hand_over'
  if (me.role === 'leader' || me.role === 'monitor') return 'overdue'
  return 'to_process'
}

function readParams(me: Me): { unit: string; queue: QueueName } {
  const params = new URLSearchParams(window.location.search)
  const queue = params.get('hang-doi') as QueueName | null
  return { unit: params.get('unit') || me.unit_code, queue: queue && QUEUES.includes(queue) ? queue : defaultQueue(me) }
}

/** The desk's work queues (hàng đợi hồ sơ) of a unit and its subtree, with how many wait in each. */
export default function DeskQueues({ me }: { me: Me }) {
  const [view, setView] = useState(() => readParams(me))
  const [page, setPage] = useState(1)
  const units = useVisibleUnits()
  const canReceive = me.permissions.includes('dossiers:write')

  useEffect(() => {
    const params = new URLSearchParams({ unit: view.unit, 'hang-doi': view.queue })
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`)
  }, [view])

  const { data, error, loading } = useApiData((signal) => deskApi.queue({ unit: view.unit, queue: view.queue, page, page_size: PAGE_SIZE }, signal), [view, page])
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
          {d.overdue && <Tag color="red">Quá hạn</Tag>}
        </Space>
      ),
    },
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
          {canReceive && (
            <Button type="primary" icon={<PlusOutlined />} href={RECEIVE_PATH} onClick={(e) => (e.preventDefault(), navigate(RECEIVE_PATH))}>
              Tiếp nhận hồ sơ
            </Button>
          )}
        </Space>
      </div>
      <StuckDossiers unit={view.unit} />
      <Card size="small">
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
        {error ? (
          <Result status="warning" title="Không tải được danh sách hồ sơ" subTitle={error.message} />
        ) : (
          <Table<DossierSummary>
            rowKey="code"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description="Không có hồ sơ nào trong hàng đợi này" /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `${total.toLocaleString('vi-VN')} hồ sơ`,
              onChange: setPage,
            }}
          />
        )}
      </Card>
    </Space>
  )
}
