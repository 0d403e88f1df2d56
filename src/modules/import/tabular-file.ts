import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { parse as parseCsv } from 'csv-parse'
import ExcelJS from 'exceljs'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { checkXlsxLimits, XLSX_LIMITS } from './xlsx-limits.js'

/** One data row: the file's own line number (header = 1) and its cells by header position. */
export interface TabularRow {
  line: number
  cells: string[]
}

export interface TabularFile {
  header: string[]
  rows: AsyncIterable<TabularRow>
  /** Bytes read so far and the file size, for a progress bar. */
  progress(): { bytesRead: number; totalBytes: number }
}

export type TabularFormat = 'csv' | 'xlsx'

function fileError(message: string, userMessage: string, line?: number): AppError {
  return new AppError(ErrorCode.validation, message, userMessage, line === undefined ? [] : [{ line, reason: userMessage }])
}

export function formatOf(path: string): TabularFormat {
  const ext = extname(path).toLowerCase()
  if (ext === '.xlsx') return 'xlsx'
  if (ext === '.csv' || ext === '.txt' || ext === '') return 'csv'
  throw fileError(`unsupported file type ${ext}`, `Không hỗ trợ loại tệp ${ext}: dùng CSV (UTF-8) hoặc XLSX`)
}

/**
 * Rejects bytes that are not UTF-8 (files saved as Windows-1258 or UTF-16 by old tools), with
 * the line where they appear, instead of importing mojibake.
 */
class Utf8Guard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  private line = 1
  private first = true

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.first) {
      this.first = false
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        callback(fileError('file is UTF-16', 'Tệp được lưu bằng mã UTF-16: hãy lưu lại dưới dạng CSV UTF-8', 1))
        return
      }
    }
    try {
      const text = this.decoder.decode(chunk, { stream: true })
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.line++
      callback(null, chunk)
    } catch {
      callback(fileError('file is not UTF-8', `Tệp không phải mã UTF-8 (lỗi quanh dòng ${this.line}): hãy lưu lại dưới dạng CSV UTF-8`, this.line))
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode()
      callback()
    } catch {
      callback(fileError('file ends inside a UTF-8 character', `Tệp bị cắt cụt giữa một ký tự (dòng ${this.line})`, this.line))
    }
  }
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
  const parser = parseCsv({ bom: true, relax_column_count: false, skip_empty_lines: true, info: true })
  source.pipe(new Utf8Guard()).on('error', (error) => parser.destroy(error)).pipe(parser)
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>

  const translate = (error: unknown): never => {
    if (error instanceof AppError) throw error
    const e = error as { code?: string; lines?: number; message?: string }
    const line = e.lines ?? 0
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw fileError(e.message ?? '', `Tệp bị cắt cụt hoặc thiếu dấu ngoặc kép đóng (từ dòng ${line})`, line)
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') throw fileError(e.message ?? '', `Dòng ${line} có số cột khác với dòng tiêu đề (tệp bị cắt cụt hoặc thừa dấu phẩy)`, line)
    throw fileError(e.message ?? String(error), `Không đọc được tệp CSV (dòng ${line}): ${e.message ?? ''}`, line)
  }

  const first = await iterator.next().catch(translate)
  if (first.done) throw fileError('empty file', 'Tệp rỗng: không có dòng tiêu đề')
  const header = first.value.record
  const rows = (async function* () {
    try {
      for (;;) {
        const next = await iterator.next().catch(translate)
        if (next.done) return
        const cells = next.value.record
        // A row of empty cells (e.g. trailing commas from spreadsheets) is no data.
        if (cells.every((cell) => cell.trim() === '')) continue
        yield { line: next.value.info.lines, cells }
      }
    } finally {
      source.destroy()
    }
  })()
  return { header, rows, progress: () => ({ bytesRead: source.bytesRead, totalBytes }) }
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
  const rows = (async function* () {
    try {
      for (;;) {
        const next = await rowsIterator.next().catch(broken)
        if (next.done) return
        const cells = toCells(next.value, header.length)
        if (cells.every((cell) => cell === '')) continue
        if (cells.slice(header.length).some((cell) => cell !== '')) {
          throw fileError('extra cells', `Dòng ${next.value.number} có dữ liệu ngoài các cột tiêu đề`, next.value.number)
        }
        yield { line: next.value.number, cells: cells.slice(0, header.length) }
      }
    } finally {
      source.destroy()
    }
  })()
  return { header, rows, progress: () => ({ bytesRead: source.bytesRead, totalBytes }) }
}

/** Opens a CSV (UTF-8, with or without BOM) or XLSX (first sheet) file as a stream of rows. */
export async function openTabularFile(path: string): Promise<TabularFile> {
  const format = formatOf(path)
  const totalBytes = await fileSize(path)
  if (totalBytes === 0) throw fileError('empty file', 'Tệp rỗng: không có dòng tiêu đề')
  return format === 'xlsx' ? openXlsx(path, totalBytes) : openCsv(path, totalBytes)
}
