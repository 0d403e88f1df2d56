import type { TableRow } from '../shared/api.js'
import { INDICATORS, SHORT_LABELS, type IndicatorId } from '../shared/labels.js'

/** Loaded only when an officer exports: exceljs is large and the first screen does not need it. */
export async function exportTableXlsx(options: { rows: TableRow[]; indicators: readonly IndicatorId[]; title: string; periodText: string; fileName: string }): Promise<void> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'motcua'
  const sheet = workbook.addWorksheet('Chỉ số')
  sheet.addRow([options.title])
  sheet.addRow([`Kỳ: ${options.periodText}`])
  sheet.addRow([])
  const header = ['Mã đơn vị', 'Đơn vị']
  for (const id of options.indicators) {
    const label = SHORT_LABELS[id] ?? INDICATORS[id].label
    if (INDICATORS[id].kind === 'rate') header.push(`${label} (%)`, `${label}: tử số`, `${label}: mẫu số`, `${label}: chỉ tiêu (%)`, `${label}: hạng`)
    else header.push(label)
  }
  const headerRow = sheet.addRow(header)
  headerRow.font = { bold: true }
  sheet.getRow(1).font = { bold: true, size: 14 }
  for (const row of options.rows) {
    const cells: (string | number | null)[] = [row.unit_code, row.scope === 'own' ? `Bộ phận Một cửa ${row.unit_name}` : row.unit_name]
    for (const id of options.indicators) {
      const f = row.indicators[id]
      // Numbers stay numbers (Excel shows them with the reader's separators); no value stays empty.
      if (INDICATORS[id].kind === 'rate') cells.push(f?.value ?? null, f?.numerator ?? null, f?.denominator ?? null, f?.target?.minimum ?? null, f?.rank ?? null)
      else cells.push(f?.value ?? null)
    }
    sheet.addRow(cells)
  }
  sheet.getColumn(2).width = 32
  const buffer = await workbook.xlsx.writeBuffer()
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = options.fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
