import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { INDICATORS, type IndicatorId } from '../../domain/indicators/indicator-id.js'
import { NO_VALUE_LABEL } from '../../domain/format/vietnamese-numbers.js'
import { peerRows } from '../../domain/reports/compose-report.js'
import { INDICATOR_GROUPS, scopeLabels } from '../../domain/reports/indicator-groups.js'
import { periodLabel } from '../../domain/reports/letter-dates.js'
import type { EnrichedFigure, IndicatorTableRow } from '../indicators/indicator-table.js'
import { loadReportTable, type ReportTable } from './load-report-table.js'

/*
 * Rates are written as numbers, the fraction of one (0.5859), with the number format `0.00%`:
 * a number, so Excel sorts, filters, charts and sums it; a percent format, so Excel (or
 * LibreOffice) shows it with the reader's decimal separator — "58,59%" on a Vietnamese
 * system, "58.59%" on an English one — since format codes always use "." and the application
 * substitutes the locale's. The number is the published two-decimal figure divided by 100, not
 * the raw ratio, so that the cell shows exactly the figure motcua shows everywhere else, even
 * at a rounding boundary (Excel rounds the binary double, motcua rounds the fraction half-up);
 * numerator and denominator sit beside it for anyone who wants the exact ratio.
 * Changes are percentage points, numbers with the format `+0.00;-0.00;0.00`.
 */

const PERCENT = '0.00%'
const POINTS = '+0.00;-0.00;0.00'
const COUNT = '#,##0'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } }
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
const MET_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } }
const MISSED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } }
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
const FONT = 'Times New Roman'

interface Column {
  header: string
  width: number
  /** The value and the cell's look for one figure. */
  write(cell: ExcelJS.Cell, figure: EnrichedFigure | undefined): void
}

function noValue(cell: ExcelJS.Cell): void {
  cell.value = NO_VALUE_LABEL
  cell.font = { name: FONT, italic: true, color: { argb: 'FF7F7F7F' } }
}

/** 58.59 → 0.5859: through the integer hundredths, so the double is the one the literal 0.5859 gives. */
function asFraction(percent: number): number {
  return Math.round(percent * 100) / 10000
}

function percentCell(cell: ExcelJS.Cell, value: number | null | undefined): void {
  if (value === undefined) return
  if (value === null) return noValue(cell)
  cell.value = asFraction(value)
  cell.numFmt = PERCENT
}

function numberCell(cell: ExcelJS.Cell, value: number | null | undefined, format: string): void {
  if (value === null || value === undefined) return
  cell.value = value
  cell.numFmt = format
}

function rankColumn(peers: number): Column {
  return { header: peers > 0 ? `Xếp hạng (/${peers})` : 'Xếp hạng', width: 9, write: (c, f) => numberCell(c, f?.rank, '0') }
}

function rateColumns(peers: number): Column[] {
  return [
    { header: 'Tử số', width: 9, write: (c, f) => numberCell(c, f?.numerator, COUNT) },
    { header: 'Mẫu số', width: 9, write: (c, f) => numberCell(c, f?.denominator, COUNT) },
    { header: 'Tỷ lệ', width: 11, write: (c, f) => percentCell(c, f?.value) },
    { header: 'Chỉ tiêu', width: 9, write: (c, f) => f?.target && numberCell(c, asFraction(f.target.minimum), Number.isInteger(f.target.minimum) ? '0%' : PERCENT) },
    {
      header: 'Đánh giá',
      width: 14,
      write: (c, f) => {
        if (!f?.target) return
        const status = f.target.status
        c.value = status === 'meets' ? 'Đạt' : status === 'misses' ? 'Chưa đạt' : 'Không phát sinh'
        if (status !== 'no_value') c.fill = status === 'meets' ? MET_FILL : MISSED_FILL
      },
    },
    { header: 'Còn thiếu (hồ sơ)', width: 10, write: (c, f) => f?.target?.status === 'misses' && numberCell(c, f.target.gap ?? 0, COUNT) },
    { header: 'Kỳ trước', width: 11, write: (c, f) => f && percentCell(c, f.previous) },
    { header: 'Thay đổi (điểm %)', width: 10, write: (c, f) => numberCell(c, f?.change, POINTS) },
    rankColumn(peers),
  ]
}

function countColumns(peers: number): Column[] {
  return [
    { header: 'Số lượng', width: 10, write: (c, f) => numberCell(c, f ? (f.value ?? 0) : undefined, COUNT) },
    { header: 'Kỳ trước', width: 10, write: (c, f) => numberCell(c, f?.previous, COUNT) },
    { header: 'Thay đổi', width: 9, write: (c, f) => numberCell(c, f?.change, '+#,##0;-#,##0;0') },
    rankColumn(peers),
  ]
}

const FIXED = [
  { header: 'TT', width: 5 },
  { header: 'Mã đơn vị', width: 12 },
  { header: 'Đơn vị', width: 30 },
] as const

interface SheetRow {
  index: string
  row: IndicatorTableRow
  label: string
  total: boolean
}

/*
 * Printing (Decree 30 appendices go out on paper): A4 landscape, fitted to the page's width, the
 * title and column headings repeated on every page, the unit and period in the page header and
 * the page number in the footer. A group too wide for one page at a readable size is split over
 * sheets ("Số hóa", "Số hóa (2)"…), whole indicators each, so fitting to width never shrinks the
 * type much: A4 landscape with these margins takes about PAGE_WIDTH character widths at 100 %.
 */
const PAGE_WIDTH = 145
const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }

type SheetPlan = { id: IndicatorId; columns: Column[] }[]

/** Indicators in order, cut into sheets no wider than a landscape page (one indicator at least per sheet). */
export function splitForPages(indicators: readonly IndicatorId[], peers: number): SheetPlan[] {
  const fixed = FIXED.reduce((n, f) => n + f.width, 0)
  const sheets: SheetPlan[] = []
  let current: SheetPlan = []
  let width = fixed
  for (const id of indicators) {
    const columns = INDICATORS[id].kind === 'rate' ? rateColumns(peers) : countColumns(peers)
    const extra = columns.reduce((n, c) => n + c.width, 0)
    if (current.length > 0 && width + extra > PAGE_WIDTH) {
      sheets.push(current)
      ;[current, width] = [[], fixed]
    }
    current.push({ id, columns })
    width += extra
  }
  if (current.length > 0) sheets.push(current)
  return sheets
}

/** Text for an Excel page header: "&" is a code there, so it is doubled. */
const headerText = (text: string) => text.replaceAll('&', '&&')

function printSetup(sheet: ExcelJS.Worksheet, data: ReportTable, options: { titleRows: string | null; onePage: boolean }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: options.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: PAGE_MARGINS,
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  }
  sheet.headerFooter = {
    oddHeader: `&L&"${FONT},Regular"&10${headerText(`${data.unit.name} (${data.unit.code})`)}&R&"${FONT},Italic"&10${headerText(periodLabel(data.period))}`,
    oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N`,
  }
}

function addGroupSheet(workbook: ExcelJS.Workbook, data: ReportTable, rows: readonly SheetRow[], group: (typeof INDICATOR_GROUPS)[number], plan: SheetPlan, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: FIXED.length, ySplit: 4 }] })
  printSetup(sheet, data, { titleRows: '1:4', onePage: false })
  const lastColumn = FIXED.length + plan.reduce((n, p) => n + p.columns.length, 0)
  sheet.columns = [...FIXED.map((f) => ({ width: f.width })), ...plan.flatMap((p) => p.columns.map((c) => ({ width: c.width })))]

  sheet.mergeCells(1, 1, 1, lastColumn)
  sheet.getCell(1, 1).value = `PHỤ LỤC: ${group.title.toLocaleUpperCase('vi')}`
  sheet.getCell(1, 1).font = { name: FONT, bold: true, size: 14 }
  sheet.mergeCells(2, 1, 2, lastColumn)
  sheet.getCell(2, 1).value = `${data.unit.name}, ${periodLabel(data.period)} (kỳ trước: ${periodLabel(data.table.previous)})`
  sheet.getCell(2, 1).font = { name: FONT, italic: true, size: 12 }

  // Rows 3 and 4: the indicator over its columns, then what each column holds.
  FIXED.forEach((f, i) => {
    sheet.mergeCells(3, i + 1, 4, i + 1)
    sheet.getCell(3, i + 1).value = f.header
  })
  let column = FIXED.length + 1
  for (const p of plan) {
    sheet.mergeCells(3, column, 3, column + p.columns.length - 1)
    sheet.getCell(3, column).value = INDICATORS[p.id].label
    p.columns.forEach((c, i) => (sheet.getCell(4, column + i).value = c.header))
    column += p.columns.length
  }
  for (const r of [3, 4]) {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c)
      cell.font = { name: FONT, bold: true, size: 11 }
      cell.fill = HEADER_FILL
      cell.border = THIN
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    }
  }
  sheet.getRow(3).height = 36
  sheet.getRow(4).height = 30

  rows.forEach((entry, i) => {
    const r = 5 + i
    const line = sheet.getRow(r)
    line.getCell(1).value = entry.index
    line.getCell(2).value = entry.row.unit_code
    line.getCell(3).value = entry.label
    let c = FIXED.length + 1
    for (const p of plan) {
      const figure = entry.row.indicators[p.id]
      for (const col of p.columns) col.write(line.getCell(c++), figure)
    }
    for (let k = 1; k <= lastColumn; k++) {
      const cell = line.getCell(k)
      cell.border = THIN
      cell.font = { name: FONT, size: 11, bold: entry.total, ...(cell.font?.italic ? { italic: true, color: { argb: 'FF7F7F7F' } } : {}) }
      if (entry.total && !cell.fill) cell.fill = TOTAL_FILL
      cell.alignment = { vertical: 'middle', horizontal: k === 3 ? 'left' : 'center', wrapText: k === 3 }
    }
  })
}

function addNotesSheet(workbook: ExcelJS.Workbook, data: ReportTable): void {
  const sheet = workbook.addWorksheet('Ghi chú')
  sheet.columns = [{ width: 34 }, { width: 100 }]
  printSetup(sheet, data, { titleRows: null, onePage: true })
  const lines: [string, string][] = [
    ['Đơn vị', `${data.unit.name} (${data.unit.code})`],
    ['Kỳ báo cáo', periodLabel(data.period)],
    ['Kỳ trước (cùng độ dài)', periodLabel(data.table.previous)],
    ['Tỷ lệ', 'Tỷ số của các tổng (không lấy trung bình tỷ lệ các đơn vị), làm tròn nửa lên đến hai chữ số thập phân.'],
    [NO_VALUE_LABEL, 'Mẫu số bằng 0: không có hồ sơ để tính; khác với 0%.'],
    ['Chỉ tiêu', 'Đạt khi tỷ lệ không thấp hơn chỉ tiêu; "Còn thiếu" là số hồ sơ tối thiểu cần thêm ở tử số (cùng mẫu số) để đạt.'],
    ['Thay đổi', 'So với kỳ trước cùng độ dài; với tỷ lệ là điểm phần trăm.'],
    ['Xếp hạng', 'Giữa các đơn vị trực thuộc, cao nhất là 1; bằng nhau cùng hạng; không phát sinh thì không xếp hạng.'],
  ]
  lines.forEach(([k, v], i) => {
    const row = sheet.getRow(i + 1)
    row.getCell(1).value = k
    row.getCell(2).value = v
    row.getCell(1).font = { name: FONT, bold: true }
    row.getCell(2).font = { name: FONT }
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
  })
}

/**
 * The appendix workbook: one sheet per indicator group, every indicator of every unit with
 * numerator, denominator, value, target, met or not, the gap, the previous period, the change
 * and the rank; first the subtree total, then the unit's own one-stop shop, then each unit below.
 */
export async function appendixWorkbook(
  db: Kysely<Database>,
  request: { unitCode: string; from: string | undefined; to: string | undefined; ecertSince?: string | undefined },
): Promise<{ data: ReportTable; xlsx: Buffer }> {
  const data = await loadReportTable(db, request)
  const labels = scopeLabels(data.unit.kind)
  const [subtree, own] = [data.table.rows[0]!, data.table.rows[1]]
  const peers = peerRows(data.table.rows) as IndicatorTableRow[]
  const rows: SheetRow[] = [
    { index: '', row: subtree, label: `${labels.subtree} (${data.unit.name})`, total: true },
    ...(own ? [{ index: '', row: own, label: labels.own, total: true }] : []),
    ...peers.map((row, i) => ({ index: String(i + 1), row, label: row.unit_name, total: false })),
  ]
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  workbook.title = `Phụ lục chỉ số ${data.unit.name} ${periodLabel(data.period)}`
  const rankedPeers = peers.filter((row) => row.unit_kind !== 'office').length
  for (const group of INDICATOR_GROUPS) {
    splitForPages(group.indicators, rankedPeers).forEach((plan, i) => addGroupSheet(workbook, data, rows, group, plan, i === 0 ? group.sheet : `${group.sheet} (${i + 1})`))
  }
  addNotesSheet(workbook, data)
  return { data, xlsx: Buffer.from(await workbook.xlsx.writeBuffer()) }
}
