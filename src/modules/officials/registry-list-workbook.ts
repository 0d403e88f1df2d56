import ExcelJS from 'exceljs'
import { formatVietnameseDate, parseIsoDate } from '../../domain/time/local-date.js'
import { spreadsheetSafe } from '../../domain/text/spreadsheet-safe.js'
import type { RegistryListAnswer } from './registry-lists.js'

const FONT = 'Times New Roman'
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }
const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Đơn vị', width: 22 },
  { header: 'Họ và tên', width: 24 },
  { header: 'Chức vụ', width: 24 },
  { header: 'Tài khoản DVC quốc gia', width: 20 },
  { header: 'Chữ ký số', width: 14 },
  { header: 'Hết hạn', width: 12 },
  { header: 'Ghi chú', width: 36 },
] as const
const HEADER_ROW = 4

/**
 * A list of the registry as an XLSX the office prints and sends on: title, unit and date, one
 * row per official, A4 portrait fitted to the width, the heading repeated on each page. Names
 * and accounts are text people typed: made spreadsheet-safe.
 */
export async function registryListWorkbook(list: RegistryListAnswer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
  sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` }
  sheet.headerFooter = { oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N` }
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }))
  const last = COLUMNS.length
  sheet.mergeCells(1, 1, 1, last)
  sheet.getCell(1, 1).value = list.title.toLocaleUpperCase('vi')
  sheet.getCell(1, 1).font = { name: FONT, bold: true, size: 13 }
  sheet.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true }
  sheet.getRow(1).height = 36
  sheet.mergeCells(2, 1, 2, last)
  sheet.getCell(2, 1).value = `${list.unit_name} — ngày ${formatVietnameseDate(parseIsoDate(list.on))} — ${list.rows.length} người`
  sheet.getCell(2, 1).font = { name: FONT, italic: true }
  sheet.getCell(2, 1).alignment = { horizontal: 'center' }
  const header = sheet.getRow(HEADER_ROW)
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.header
    cell.font = { name: FONT, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = THIN
  })
  list.rows.forEach((r, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i)
    const values = [i + 1, r.unit_name, r.full_name, r.position ?? '', r.national_portal_account ?? '', r.certificate_stage, r.certificate_valid_to ?? '', r.note]
    values.forEach((value, j) => {
      const cell = row.getCell(j + 1)
      cell.value = typeof value === 'string' ? spreadsheetSafe(value) : value
      cell.font = { name: FONT }
      cell.alignment = { vertical: 'top', wrapText: true }
      cell.border = THIN
    })
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
