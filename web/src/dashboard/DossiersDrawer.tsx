import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, App, Button, Drawer, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { api, type DossierItem } from '../shared/api.js'
import { formatCount, formatDateTime, formatPeriod } from '../shared/format.js'
import { CHANNEL_LABELS, type IndicatorId, INDICATORS, labelOf, statusLabel } from '../shared/labels.js'
import { useApiData } from '../shared/use-api-data.js'
import { dossierPath, followLink } from '../shell/navigation.js'
import { dossierListPrintHtml, downloadDossierListXlsx } from './dossier-list-export.js'
import type { Attribution } from '../shared/figure-basis.js'

export type FigurePart = 'numerator' | 'denominator' | 'gap'

export interface DrillRequest {
  unitCode: string
  unitName: string
  scope: 'own' | 'subtree'
  indicator: IndicatorId
  part: FigurePart
  from: string
  to: string
  /** Where processing and lateness count; the list follows the figure it opens. */
  by?: Attribution
}

const PART_LABELS: Record<FigurePart, string> = {
  numerator: 'hồ sơ được tính (tử số)',
  denominator: 'toàn bộ hồ sơ của chỉ số (mẫu số)',
  gap: 'hồ sơ chưa đạt (ở mẫu số mà không ở tử số)',
}

const PAGE_SIZE = 20

/** The list at 1440 px: every column wide enough for its longest usual value; a procedure's name wraps rather than being cut. */
const columns: ColumnsType<DossierItem> = [
  {
    title: 'Mã hồ sơ',
    dataIndex: 'code',
    key: 'code',
    width: 200,
    render: (code: string) => (
      <a href={dossierPath(code)} onClick={(e) => followLink(e, dossierPath(code))} data-dossier={code}>
        {code}
      </a>
    ),
  },
  { title: 'Đơn vị tiếp nhận', dataIndex: 'unit_name', key: 'unit', width: 170 },
  { title: 'Thủ tục', dataIndex: 'procedure_name', key: 'procedure', className: 'wrap-cell' },
  { title: 'Hình thức nộp', dataIndex: 'channel', key: 'channel', width: 120, render: (c: string) => labelOf(CHANNEL_LABELS, c) },
  { title: 'Trạng thái', dataIndex: 'status', key: 'status', width: 140, render: (s: string) => <Tag>{statusLabel(s)}</Tag> },
  { title: 'Tiếp nhận', dataIndex: 'received_at', key: 'received', width: 140, render: (v: string) => formatDateTime(v) },
  { title: 'Hẹn trả', dataIndex: 'due_at', key: 'due', width: 140, render: (v: string | null) => formatDateTime(v) },
  { title: 'Có kết quả', dataIndex: 'finished_at', key: 'finished', width: 140, render: (v: string | null) => formatDateTime(v) },
  {
    title: 'Số hóa',
    key: 'digitized',
    width: 80,
    render: (_: unknown, d: DossierItem) => `${d.components_digitized}/${d.components_total}`,
  },
]

/** The dossiers behind a number of a card or a table cell, a page at a time. */
/** Every dossier of the request, read page by page (at most EXPORT_LIMIT), for the workbook and the printed list. */
const EXPORT_LIMIT = 20_000
async function allDossiers(request: DrillRequest): Promise<DossierItem[]> {
  const items: DossierItem[] = []
  for (let page = 1; ; page += 1) {
    const answer = await api.dossiers({ unit: request.unitCode, from: request.from, to: request.to, indicator: request.indicator, part: request.part, scope: request.scope, page, page_size: 500, ...(request.by ? { by: request.by } : {}) })
    items.push(...answer.items)
    if (answer.items.length === 0 || items.length >= Math.min(answer.total, EXPORT_LIMIT)) return items.slice(0, EXPORT_LIMIT)
  }
}

export function DossiersDrawer({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [exporting, setExporting] = useState<'xlsx' | 'print' | null>(null)
  useEffect(() => setPage(1), [request])
  const { data, error, loading } = useApiData(
    (signal) =>
      request
        ? api.dossiers({ unit: request.unitCode, from: request.from, to: request.to, indicator: request.indicator, part: request.part, scope: request.scope, page, page_size: PAGE_SIZE, ...(request.by ? { by: request.by } : {}) }, signal)
        : Promise.resolve(null),
    [request, page],
  )

  const title = request ? `Hồ sơ — ${INDICATORS[request.indicator].label}` : ''
  const subtitle = request
    ? `${request.unitName}${request.scope === 'own' ? ' (Bộ phận Một cửa của đơn vị)' : ''}, ${formatPeriod(request.from, request.to)}: ${PART_LABELS[request.part]}`
    : ''
  const exportAs = async (kind: 'xlsx' | 'print') => {
    if (!request) return
    // The print window is opened at the click, before the wait: a browser lets a click open one.
    const printWindow = kind === 'print' ? window.open('', '_blank') : null
    setExporting(kind)
    try {
      const items = await allDossiers(request)
      if (kind === 'xlsx') {
        await downloadDossierListXlsx(title, subtitle, items, `ho-so-${request.unitCode}-${request.indicator}-${request.part}-${request.from}-${request.to}.xlsx`)
      } else if (printWindow) {
        printWindow.document.write(dossierListPrintHtml(title, subtitle, items))
        printWindow.document.close()
        printWindow.focus()
        printWindow.print()
      }
    } catch (e) {
      printWindow?.close()
      void message.error((e as Error).message, 6)
    } finally {
      setExporting(null)
    }
  }

  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size="min(1400px, 100vw)"
      title={title}
      destroyOnHidden
      extra={
        request && (
          <Space>
            <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} disabled={!data?.total} onClick={() => void exportAs('xlsx')} data-testid="drill-xlsx">
              Xuất Excel
            </Button>
            <Button icon={<PrinterOutlined />} loading={exporting === 'print'} disabled={!data?.total} onClick={() => void exportAs('print')} data-testid="drill-print">
              In danh sách
            </Button>
          </Space>
        )
      }
    >
      {request && (
        <>
          <Typography.Paragraph>
            {subtitle}
            {data ? ` — ${formatCount(data.total)} hồ sơ` : ''}.
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error.message} role="alert" style={{ marginBottom: 12 }} />}
          <Table<DossierItem>
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 1250 }}
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
