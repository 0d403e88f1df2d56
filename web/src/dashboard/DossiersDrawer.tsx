import { Alert, Drawer, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { api, type DossierItem } from '../shared/api.js'
import { formatCount, formatDateTime, formatPeriod } from '../shared/format.js'
import { CHANNEL_LABELS, type IndicatorId, INDICATORS, labelOf, statusLabel } from '../shared/labels.js'
import { useApiData } from '../shared/use-api-data.js'

export type FigurePart = 'numerator' | 'denominator' | 'gap'

export interface DrillRequest {
  unitCode: string
  unitName: string
  scope: 'own' | 'subtree'
  indicator: IndicatorId
  part: FigurePart
  from: string
  to: string
}

const PART_LABELS: Record<FigurePart, string> = {
  numerator: 'hồ sơ được tính (tử số)',
  denominator: 'toàn bộ hồ sơ của chỉ số (mẫu số)',
  gap: 'hồ sơ chưa đạt (ở mẫu số mà không ở tử số)',
}

const PAGE_SIZE = 20

const columns: ColumnsType<DossierItem> = [
  { title: 'Mã hồ sơ', dataIndex: 'code', key: 'code', width: 190 },
  { title: 'Đơn vị tiếp nhận', dataIndex: 'unit_name', key: 'unit', width: 140 },
  { title: 'Thủ tục', dataIndex: 'procedure_name', key: 'procedure', ellipsis: true },
  { title: 'Hình thức', dataIndex: 'channel', key: 'channel', width: 100, render: (c: string) => labelOf(CHANNEL_LABELS, c) },
  { title: 'Trạng thái', dataIndex: 'status', key: 'status', width: 130, render: (s: string) => <Tag>{statusLabel(s)}</Tag> },
  { title: 'Tiếp nhận', dataIndex: 'received_at', key: 'received', width: 130, render: (v: string) => formatDateTime(v) },
  { title: 'Hẹn trả', dataIndex: 'due_at', key: 'due', width: 130, render: (v: string | null) => formatDateTime(v) },
  { title: 'Có kết quả', dataIndex: 'finished_at', key: 'finished', width: 130, render: (v: string | null) => formatDateTime(v) },
  {
    title: 'Số hóa',
    key: 'digitized',
    width: 90,
    render: (_: unknown, d: DossierItem) => `${d.components_digitized}/${d.components_total}`,
  },
]

/** The dossiers behind a number of a card or a table cell, a page at a time. */
export function DossiersDrawer({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const [page, setPage] = useState(1)
  useEffect(() => setPage(1), [request])
  const { data, error, loading } = useApiData(
    (signal) =>
      request
        ? api.dossiers({ unit: request.unitCode, from: request.from, to: request.to, indicator: request.indicator, part: request.part, scope: request.scope, page, page_size: PAGE_SIZE }, signal)
        : Promise.resolve(null),
    [request, page],
  )

  return (
    <Drawer open={request !== null} onClose={onClose} size={1100} title={request ? `Hồ sơ — ${INDICATORS[request.indicator].label}` : ''} destroyOnHidden>
      {request && (
        <>
          <Typography.Paragraph>
            {request.unitName}
            {request.scope === 'own' ? ' (Bộ phận Một cửa của đơn vị)' : ''}, {formatPeriod(request.from, request.to)}: {PART_LABELS[request.part]}
            {data ? ` — ${formatCount(data.total)} hồ sơ` : ''}.
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error.message} role="alert" style={{ marginBottom: 12 }} />}
          <Table<DossierItem>
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 1000 }}
            locale={{ emptyText: 'Không có hồ sơ nào' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total, [a, b]) => `${formatCount(a)}–${formatCount(b)} trong ${formatCount(total)} hồ sơ`,
              onChange: setPage,
            }}
          />
        </>
      )}
    </Drawer>
  )
}
