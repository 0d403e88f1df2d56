import type { DossierItem } from '../shared/api.js'
import { formatDateTime } from '../shared/format.js'
import { CHANNEL_LABELS, labelOf, statusLabel } from '../shared/labels.js'

/** The drill-down list's columns, the same on screen, in the workbook and on paper. */
export const DOSSIER_LIST_HEADER = ['Mã hồ sơ', 'Đơn vị tiếp nhận', 'Thủ tục', 'Hình thức nộp', 'Trạng thái', 'Tiếp nhận', 'Hẹn trả', 'Có kết quả', 'Số hóa'] as const

/** One dossier as the row of the list: words and Vietnamese dates, as the reader reads them. */
export function dossierListRow(d: DossierItem): string[] {
  return [
    d.code, d.unit_name, d.procedure_name, labelOf(CHANNEL_LABELS, d.channel), statusLabel(d.status),
    formatDateTime(d.received_at), formatDateTime(d.due_at), formatDateTime(d.finished_at), `${d.components_digitized}/${d.components_total}`,
  ]
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The list as a page to print (A4 landscape): a title, what it is, and the table, every cell escaped. */
export function dossierListPrintHtml(title: string, subtitle: string, items: readonly DossierItem[]): string {
  const head = DOSSIER_LIST_HEADER.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
  const body = items.map((d) => `<tr>${dossierListRow(d).map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 11pt; }
h1 { font-size: 14pt; margin: 0 0 4px; } p { margin: 0 0 8px; }
table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
thead { display: table-header-group; } tr { page-break-inside: avoid; }
</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>`
}

/** The list as a workbook: a title row, what it is, the header, one row per dossier. Loaded only when asked (exceljs is large). */
export async function downloadDossierListXlsx(title: string, subtitle: string, items: readonly DossierItem[], fileName: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Hồ sơ')
  sheet.addRow([title]).font = { bold: true, size: 14 }
  sheet.addRow([subtitle])
  sheet.addRow([])
  sheet.addRow([...DOSSIER_LIST_HEADER]).font = { bold: true }
  for (const d of items) sheet.addRow(dossierListRow(d))
  const widths = [24, 24, 60, 16, 16, 17, 17, 17, 8]
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w))
  sheet.views = [{ state: 'frozen', ySplit: 4 }]
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' }
  const buffer = await workbook.xlsx.writeBuffer()
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
