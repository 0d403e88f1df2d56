import ExcelJS from 'exceljs'
import { ECERT_REGISTER_COLUMNS } from '../../domain/signatures/ecert-register.js'
import { spreadsheetSafe } from '../../domain/text/spreadsheet-safe.js'
import { formatVietnameseDate, type LocalDate } from '../../domain/time/local-date.js'
import type { EcertRegisterEntry } from './ecert-register.repository.js'

const FONT = 'Times New Roman'

/**
 * The certification register as offices keep it: the unit and year in the title, one row per
 * certification, the totals of copies and fees; A4 landscape fitted to the width, the heading rows
 * repeated on each page and "Trang N/M" in the footer.
 */
export async function ecertRegisterWorkbook(unit: { code: string; name: string }, year: number, entries: readonly EcertRegisterEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(`Sổ chứng thực ${year}`, { views: [{ state: 'frozen', ySplit: 4 }] })
  sheet.pageSetup = {
    ...sheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '4:4',
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  sheet.headerFooter = { oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N` }
  sheet.columns = ECERT_REGISTER_COLUMNS.map((c) => ({ width: c.width }))
  const last = ECERT_REGISTER_COLUMNS.length
  const title = (row: number, text: string, bold: boolean) => {
    sheet.mergeCells(row, 1, row, last)
    const cell = sheet.getCell(row, 1)
    cell.value = text
    cell.font = { name: FONT, size: bold ? 14 : 12, bold }
    cell.alignment = { horizontal: 'center' }
  }
  title(1, 'SỔ CHỨNG THỰC BẢN SAO ĐIỆN TỬ TỪ BẢN CHÍNH', true)
  title(2, `${unit.name.toUpperCase()} — NĂM ${year}`, false)
  const heading = sheet.getRow(4)
  heading.values = ECERT_REGISTER_COLUMNS.map((c) => c.label)
  heading.font = { name: FONT, size: 11, bold: true }
  heading.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const entry of entries) {
    const row = sheet.addRow([
      entry.number, formatVietnameseDate(entry.certified_on as LocalDate), spreadsheetSafe(entry.applicant_name ?? ''), spreadsheetSafe(entry.document_name),
      entry.copies, spreadsheetSafe(entry.signer_name), entry.fee_vnd, entry.dossier_code,
    ])
    row.font = { name: FONT, size: 11 }
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  const total = sheet.addRow(['Cộng', '', '', `${entries.length} lượt chứng thực`, entries.reduce((n, e) => n + e.copies, 0), '', entries.reduce((n, e) => n + e.fee_vnd, 0), ''])
  total.font = { name: FONT, size: 11, bold: true }
  sheet.getColumn(7).numFmt = '#,##0'
  for (let r = 4; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= last; c++) sheet.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
