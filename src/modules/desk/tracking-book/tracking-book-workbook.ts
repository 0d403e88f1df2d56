import ExcelJS from 'exceljs'
import { bookTotals, TRACKING_BOOK_COLUMNS } from '../../../domain/dossiers/tracking-book.js'
import { spreadsheetSafe } from '../../../domain/text/spreadsheet-safe.js'
import type { TrackingBook } from './read-tracking-book.js'

const FONT = 'Times New Roman'
const HEADER_ROW = 5
const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }

/** Text for an Excel page header: "&" is a code there, so it is doubled. */
const headerText = (text: string) => text.replaceAll('&', '&&')

/**
 * The tracking book as offices print it: A4 landscape fitted to the width, the title with the
 * unit and the period, the column headings repeated on every page, "Trang N/M" in the footer.
 * Cells are text as the book shows them (dates dd/mm/yyyy); names typed by people are kept
 * from being read as formulas.
 */
export async function trackingBookWorkbook(book: TrackingBook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Sổ theo dõi hồ sơ', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] })
  const last = TRACKING_BOOK_COLUMNS.length
  sheet.columns = TRACKING_BOOK_COLUMNS.map((c) => ({ width: c.width }))
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  }
  sheet.headerFooter = {
    oddHeader: `&L&"${FONT},Regular"&10${headerText(`${book.unit.name} (${book.unit.code})`)}&R&"${FONT},Italic"&10${headerText(book.period_label)}`,
    oddFooter: `&C&"${FONT},Regular"&10Trang &P/&N`,
  }
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, last)
    const cell = sheet.getCell(row, 1)
    cell.value = text
    cell.font = { name: FONT, ...font }
    cell.alignment = { horizontal: 'center' }
  }
  title(1, 'SỔ THEO DÕI HỒ SƠ', { bold: true, size: 14 })
  title(2, spreadsheetSafe(book.unit.name), { bold: true, size: 12 })
  title(3, `${book.period_label} — ${book.kind_label}${book.procedure ? ` — Thủ tục: ${spreadsheetSafe(book.procedure.name)}` : ''}`, { italic: true, size: 12 })

  const header = sheet.getRow(HEADER_ROW)
  TRACKING_BOOK_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.title
    cell.font = { name: FONT, bold: true, size: 11 }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = BORDER
  })
  for (const [i, r] of book.rows.entries()) {
    const row = sheet.getRow(HEADER_ROW + 1 + i)
    const values: Record<(typeof TRACKING_BOOK_COLUMNS)[number]['key'], string | number> = {
      position: r.position, code: r.code, procedure_name: r.procedure_name, applicant_name: r.applicant_name, contact: r.contact,
      received_on: r.received_on, due_on: r.due_on, handed_over_on: r.handed_over_on, handler: r.handler, returned_on: r.returned_on, note: r.note,
    }
    TRACKING_BOOK_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1)
      const value = values[c.key]
      cell.value = typeof value === 'string' ? spreadsheetSafe(value) : value
      cell.font = { name: FONT, size: 11, ...(c.key === 'note' && r.late ? { color: { argb: 'FFA8071A' } } : {}) }
      cell.alignment = { vertical: 'top', wrapText: true, ...(c.key === 'position' ? { horizontal: 'center' as const } : {}) }
      cell.border = BORDER
    })
  }
  // After one blank row, the totals: the line offices sign the book under.
  const totalsRow = HEADER_ROW + book.rows.length + 2
  sheet.mergeCells(totalsRow, 1, totalsRow, last)
  sheet.getCell(totalsRow, 1).value = bookTotals(book.rows)
  sheet.getCell(totalsRow, 1).font = { name: FONT, bold: true, size: 11 }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
