import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Figure, TableRow } from '../shared/api.js'
import type { FigurePart } from './DossiersDrawer.js'
import { formatCount, formatPercent, NO_VALUE_LABEL } from '../shared/format.js'
import { INDICATORS, SHORT_LABELS, type IndicatorId } from '../shared/labels.js'

export const TABLE_INDICATORS: readonly IndicatorId[] = ['received', 'dossier_digitization_rate', 'result_digitization_rate', 'online_rate', 'online_payment_rate', 'on_time_rate', 'late', 'ecert_copies']

interface Props {
  rows: TableRow[]
  /** The indicator the rank column is about. */
  focus: IndicatorId
  title: string
  periodText: string
  onOpenUnit: (row: TableRow) => void
  onDrill: (row: TableRow, indicator: IndicatorId, part: FigurePart) => void
}

const collator = new Intl.Collator('vi')

/** Missing values sort last whichever way the column is sorted. */
function compareValues(a: number | null | undefined, b: number | null | undefined): number {
  return (a ?? -1) - (b ?? -1)
}

function cellText(id: IndicatorId, figure: Figure | undefined): string {
  if (!figure) return ''
  if (INDICATORS[id].kind === 'rate') return formatPercent(figure.value)
  return figure.value === null ? NO_VALUE_LABEL : formatCount(figure.value)
}

/** The units below, one row each, ranked on the chosen indicator and coloured by its target. */
export function ChildrenTable({ rows, focus, title, periodText, onOpenUnit, onDrill }: Props) {
  const { message } = App.useApp()
  const [exporting, setExporting] = useState(false)

  const columns: ColumnsType<TableRow> = [
    {
      title: 'Hạng',
      key: 'rank',
      width: 70,
      align: 'right',
      sorter: (a, b) => compareValues(a.indicators[focus]?.rank ?? 999, b.indicators[focus]?.rank ?? 999),
      defaultSortOrder: 'ascend',
      render: (_, row) => row.indicators[focus]?.rank ?? '—',
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: 'left',
      width: 200,
      sorter: (a, b) => collator.compare(a.unit_name, b.unit_name),
      render: (_, row) =>
        row.scope === 'own' ? (
          <span>Bộ phận Một cửa {row.unit_name}</span>
        ) : (
          <Button type="link" style={{ padding: 0 }} onClick={() => onOpenUnit(row)} data-unit={row.unit_code} aria-label={`Xem ${row.unit_name}`}>
            {row.unit_name}
          </Button>
        ),
    },
    ...TABLE_INDICATORS.map((id) => ({
      title: SHORT_LABELS[id] ?? INDICATORS[id].label,
      key: id,
      align: 'right' as const,
      width: id === focus ? 150 : 120,
      sorter: (a: TableRow, b: TableRow) => compareValues(a.indicators[id]?.value, b.indicators[id]?.value),
      className: id === focus ? 'focus-column' : '',
      render: (_: unknown, row: TableRow) => {
        const figure = row.indicators[id]
        const text = cellText(id, figure)
        const status = figure?.target?.status
        const cls = figure?.value === null ? 'cell-no-value' : status === 'meets' ? 'cell-meets' : status === 'misses' ? 'cell-misses' : ''
        if (!figure || figure.value === null || INDICATORS[id].basis === 'units') return <span className={cls}>{text}</span>
        const title = figure.numerator !== undefined ? `${formatCount(figure.numerator)}/${formatCount(figure.denominator ?? 0)} hồ sơ${figure.target ? `; chỉ tiêu ≥ ${formatPercent(figure.target.minimum)}` : ''}` : undefined
        return (
          <button type="button" className={`figure-button ${cls}`} title={title} onClick={() => onDrill(row, id, 'numerator')} aria-label={`${row.unit_name}, ${INDICATORS[id].label}: ${text}. Xem các hồ sơ`}>
            {text}
          </button>
        )
      },
    })),
  ]

  const exportXlsx = async () => {
    setExporting(true)
    try {
      const { exportTableXlsx } = await import('./export-xlsx.js')
      await exportTableXlsx({ rows, indicators: TABLE_INDICATORS, title, periodText, fileName: `chi-so-${periodText.replace(/[^0-9]+/g, '-')}.xlsx` })
    } catch (e) {
      void message.error(`Không xuất được tệp Excel: ${(e as Error).message}`)
    } finally {
      setExporting(false)
    }
  }

  return (
    <section aria-label="Các đơn vị trực thuộc">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} disabled={rows.length === 0}>
          Xuất Excel
        </Button>
      </Space>
      <Table<TableRow>
        size="small"
        rowKey={(row) => `${row.unit_code}-${row.scope}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        rowClassName={(row) => {
          const status = row.indicators[focus]?.target?.status
          return status === 'meets' ? 'row-meets' : status === 'misses' ? 'row-misses' : ''
        }}
        locale={{ emptyText: 'Đơn vị này không có đơn vị trực thuộc', triggerAsc: 'Bấm để xếp tăng dần', triggerDesc: 'Bấm để xếp giảm dần', cancelSort: 'Bấm để bỏ sắp xếp' }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        Màu xanh: đạt chỉ tiêu; màu đỏ: chưa đạt; “{NO_VALUE_LABEL}”: kỳ này không có hồ sơ để tính. Bấm vào tên đơn vị để xem chi tiết, bấm vào con số để xem các hồ sơ.
      </Typography.Paragraph>
    </section>
  )
}
