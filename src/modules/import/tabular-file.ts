import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse as parseCsv } from 'csv-parse'
import ExcelJS from 'exceljs'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { ImportIssue } from './import-issue.js'
import { checkXlsxLimits, XLSX_LIMITS } from './xlsx-limits.js'
import { csvErrorTranslator, csvRows, fileError, type CsvRecord } from './csv-rows.js'
import { Utf8LineCheck } from './utf8-line-check.js'

/** One data row: the file's own line number (header = 1) and its cells by header position. */
export interface TabularRow {
  line: number
  cells: string[]
  /** What is wrong with the row as text (bytes that are not UTF-8, a cell outside the header). */
  problems: ImportIssue[]
  /** False when the cells cannot be matched to the header (another number of cells): not parsed. */
  readable: boolean
}

export interface TabularFile {
  header: string[]
  rows: AsyncIterable<TabularRow>
  /** Bytes read so far and the file size, for a progress bar. */
  progress(): { bytesRead: number; totalBytes: number }
  /** Stops reading (when only the header was wanted). */
  close(): void
}

export type TabularFormat = 'csv' | 'xlsx'


export function formatOf(path: string): TabularFormat {
  const ext = extname(path).toLowerCase()
  if (ext === '.xlsx') return 'xlsx'
  if (ext === '.csv' || ext === '.txt' || ext === '') return 'csv'
  throw fileError(`unsupported file type ${ext}`, `Không hỗ trợ loại tệp ${ext}: dùng CSV (UTF-8) hoặc XLSX`)
}

async function fileSize(path: string): Promise<number> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new AppError(ErrorCode.notFound, `file not found: ${path}`, `Không tìm thấy tệp ${path}`)
    throw error
  })
  try {
    return (await handle.stat()).size
  } finally {
    await handle.close()
  }
}

async function openCsv(path: string, totalBytes: number): Promise<TabularFile> {
  const source = createReadStream(path)
  const utf8 = new Utf8LineCheck()
  // A row with another number of cells is reported as that row's error, not the whole file's.
  const parser = parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true })
  source.pipe(utf8).on('error', (error) => parser.destroy(error)).pipe(parser)
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>

  const translate = csvErrorTranslator(0)
  const first = await iterator.next().catch(translate)
  if (first.done) throw fileError('empty file', 'Tệp rỗng: không có dòng tiêu đề')
  const header = first.value.record
  const headerBad = utf8.firstBadLineIn(1, first.value.info.lines)
  if (headerBad !== null) throw fileError('header is not UTF-8', `Dòng tiêu đề không phải mã UTF-8: hãy lưu lại tệp dưới dạng CSV UTF-8`, headerBad)
  const rows = csvRows(iterator, utf8, header.length, first.value.info.lines, 0, () => source.destroy())
  return { header, rows, progress: () => ({ bytesRead: source.bytesRead, totalBytes }), close: () => source.destroy() }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    // Excel stores wall-clock times with no zone; read them as Vietnam time.
    return value.toISOString().slice(0, 19)
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

async function openXlsx(path: string, totalBytes: number): Promise<TabularFile> {
  // Unpacked sizes, shared strings and cells are bounded before the reader spends memory on them.
  await checkXlsxLimits(path)
  const source = createReadStream(path)
  // Styles are read because only a cell's number format tells a date from a number.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache' })
  const broken = (error: unknown): never => {
    throw fileError(String(error), 'Tệp XLSX bị hỏng hoặc bị cắt cụt: hãy mở và lưu lại bằng Excel')
  }
  const sheets = reader[Symbol.asyncIterator]()
  const sheet = await sheets.next().catch(broken)
  if (sheet.done) throw fileError('no worksheet', 'Tệp XLSX không có trang tính nào')
  const rowsIterator = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]()
  // The cells a row has, by position: only those present are visited (a cell at a far column is no reason for a long array).
  const toCells = (row: ExcelJS.Row, width: number): string[] => {
    const cells: string[] = Array.from({ length: width }, () => '')
    row.eachCell((cell, column) => {
      const text = cellText(cell.value).trim()
      if (column > XLSX_LIMITS.cellsPerRow) {
        if (text !== '') throw fileError('column beyond the sheet', `Dòng ${row.number} có dữ liệu ở cột thứ ${column}, ngoài ${XLSX_LIMITS.cellsPerRow} cột của một trang tính`, row.number)
        return
      }
      while (cells.length < column) cells.push('')
      cells[column - 1] = text
    })
    return cells
  }
  let headerRow: ExcelJS.Row | undefined
  for (;;) {
    const next = await rowsIterator.next().catch(broken)
    if (next.done) break
    if (toCells(next.value, 0).some((cell) => cell !== '')) {
      headerRow = next.value
      break
    }
  }
  if (!headerRow) throw fileError('empty sheet', 'Tệp rỗng: không có dòng tiêu đề')
  const header = toCells(headerRow, 0)
  while (header.length > 0 && header.at(-1) === '') header.pop()
  const rows = (async function* (): AsyncGenerator<TabularRow> {
    try {
      for (;;) {
        const next = await rowsIterator.next().catch(broken)
        if (next.done) return
        const cells = toCells(next.value, header.length)
        if (cells.every((cell) => cell === '')) continue
        const line = next.value.number
        const outside = cells.slice(header.length).some((cell) => cell !== '')
        const problems: ImportIssue[] = outside ? [{ line, column: null, value: null, reason: 'dòng có dữ liệu ngoài các cột tiêu đề' }] : []
        yield { line, cells: cells.slice(0, header.length), problems, readable: true }
      }
    } finally {
      source.destroy()
    }
  })()
  return { header, rows, progress: () => ({ bytesRead: source.bytesRead, totalBytes }), close: () => source.destroy() }
}

/** Opens a CSV (UTF-8, with or without BOM) or XLSX (first sheet) file as a stream of rows. */
export async function openTabularFile(path: string): Promise<TabularFile> {
  const format = formatOf(path)
  const totalBytes = await fileSize(path)
  if (totalBytes === 0) throw fileError('empty file', 'Tệp rỗng: không có dòng tiêu đề')
  return format === 'xlsx' ? openXlsx(path, totalBytes) : openCsv(path, totalBytes)
}
