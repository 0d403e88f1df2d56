import ExcelJS from 'exceljs'
import { WORKLOAD_COUNTS } from '../../domain/accounts/official-workload.js'
import { spreadsheetSafe } from '../../domain/text/spreadsheet-safe.js'
import type { OfficialWorkload } from './official-workload.js'

const FONT = 'Times New Roman'
const HEADER_ROW = 4
const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }
const FIXED = [
  { title: 'STT', width: 6 },
  { title: 'Họ và tên', width: 26 },
  { title: 'Tài khoản', width: 20 },
  { title: 'Vai trò', width: 22 },
  { title: 'Đơn vị', width: 28 },
]

/** The per-official counts as a sheet: A4 landscape, the heading row repeated, unit and period in the title. */
export async function officialWorkloadWorkbook(workload: OfficialWorkload): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Kết quả theo cán bộ', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
  const titles = [...FIXED.map((f) => f.title), ...WORKLOAD_COUNTS.map((c) => c.title)]
  sheet.columns = [...FIXED.map((f) => ({ width: f.width })), ...WORKLOAD_COUNTS.map(() => ({ width: 12 }))]
  sheet.pageSetup = {
    ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  }
  sheet.headerFooter = { oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N` }
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, titles.length)
    sheet.getCell(row, 1).value = text
    sheet.getCell(row, 1).font = { name: FONT, ...font }
    sheet.getCell(row, 1).alignment = { horizontal: 'center' }
  }
  title(1, 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO CÁN BỘ, CÔNG CHỨC', { bold: true, size: 14 })
  title(2, `${spreadsheetSafe(workload.unit.name)} — ${workload.period_label}`, { italic: true, size: 12 })
  const header = sheet.getRow(HEADER_ROW)
  titles.forEach((text, i) => {
    const cell = header.getCell(i + 1)
    cell.value = text
    cell.font = { name: FONT, bold: true, size: 11 }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
  })
  for (const [i, r] of workload.rows.entries()) {
    const values: (string | number)[] = [
      r.position, spreadsheetSafe(r.display_name), r.username, r.role_label, spreadsheetSafe(r.unit_name),
      ...WORKLOAD_COUNTS.map((c) => r[c.key]),
    ]
    const row = sheet.getRow(HEADER_ROW + 1 + i)
    values.forEach((value, j) => {
      const cell = row.getCell(j + 1)
      cell.value = value
      cell.font = { name: FONT, size: 11 }
      cell.border = BORDER
      if (typeof value === 'number') cell.alignment = { horizontal: j === 0 ? 'center' : 'right' }
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
