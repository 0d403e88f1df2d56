import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { XmlTally } from './xml-tally.js'
import { readZipDirectory, ZipRefused, type ZipEntry } from './zip-directory.js'

const MiB = 1024 * 1024

/**
 * What an XLSX may unpack to before the spreadsheet reader sees it. The reader keeps the shared
 * strings, the styles and the workbook's other parts whole in memory, and one row at a time;
 * worksheets themselves stream. 25 million cells is a million dossiers of 25 columns; beyond
 * these, a CSV file (which streams whole) is the way.
 */
export const XLSX_LIMITS = {
  entries: 10_000,
  unpackedBytes: 2048 * MiB,
  sharedStringsBytes: 64 * MiB,
  /** Every other XML part that is not a worksheet (workbook, styles, relationships…). */
  partBytes: 16 * MiB,
  sharedStrings: 2_000_000,
  cells: 25_000_000,
  /** Excel's own maximum of columns. */
  cellsPerRow: 16_384,
  /** A text or a tag read whole by the XML parser (a cell holds at most 32 767 characters). */
  textRun: 1 * MiB,
}
export type XlsxLimits = typeof XLSX_LIMITS

// The reader's own test for a worksheet (exceljs workbook-reader: not anchored).
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/
const SHARED_STRINGS = 'xl/sharedStrings.xml'
const isXml = (name: string) => /\.(xml|rels)$/i.test(name)

const megabytes = (bytes: number) => `${(bytes / MiB).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
const count = (n: number) => n.toLocaleString('vi-VN')

function refused(path: string, reason: string): AppError {
  return new AppError(ErrorCode.validation, `xlsx refused: ${reason}`, `Tệp XLSX ${path} bị từ chối: ${reason}. Với dữ liệu lớn như vậy, hãy dùng tệp CSV (UTF-8).`)
}

function partLimit(name: string, limits: XlsxLimits): number | null {
  if (name === SHARED_STRINGS) return limits.sharedStringsBytes
  if (WORKSHEET.test(name) || !isXml(name)) return null
  return limits.partBytes
}

/**
 * Checks an XLSX before it is read: from the central directory alone (no inflating), the number
 * of parts and their declared sizes; then each part is inflated once — never past its declared
 * size, so a size that lies is caught at once — counting cells (in all and per row), shared
 * strings and the longest text. The first limit passed refuses the file, quickly and with the
 * reason, before any memory is spent on it.
 */
export async function checkXlsxLimits(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const file = await open(path, 'r')
  let entries: ZipEntry[]
  try {
    entries = await readZipDirectory(file, (await file.stat()).size)
  } catch (error) {
    if (error instanceof ZipRefused) throw refused(path, error.message)
    throw error
  } finally {
    await file.close()
  }
  if (entries.length > limits.entries) throw refused(path, `tệp gồm ${count(entries.length)} phần, quá ${count(limits.entries)}`)
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0)
  if (unpacked > limits.unpackedBytes) throw refused(path, `giải nén ra ${megabytes(unpacked)}, quá giới hạn ${megabytes(limits.unpackedBytes)}`)
  for (const entry of entries) {
    const limit = partLimit(entry.name, limits)
    if (limit !== null && entry.size > limit) throw refused(path, `phần ${entry.name} giải nén ra ${megabytes(entry.size)}, quá giới hạn ${megabytes(limit)}`)
  }
  const totals = { cells: 0 }
  for (const entry of entries) await inspectPart(path, entry, limits, totals)
}

async function inspectPart(path: string, entry: ZipEntry, limits: XlsxLimits, totals: { cells: number }): Promise<void> {
  const source = entry.compressedSize === 0 ? null : createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 })
  let stream: Readable | null = source
  if (source && entry.method === 8) {
    const inflate = createInflateRaw()
    source.on('error', (error) => inflate.destroy(error))
    stream = source.pipe(inflate)
  }
  const tally = isXml(entry.name) ? new XmlTally() : null
  const worksheet = WORKSHEET.test(entry.name)
  let size = 0
  try {
    for await (const chunk of stream ?? []) {
      size += (chunk as Buffer).length
      if (size > entry.size) throw refused(path, `phần ${entry.name} giải nén ra nhiều hơn kích thước khai báo (${megabytes(entry.size)})`)
      if (!tally) continue
      const cellsBefore = tally.cells
      tally.feed(chunk as Buffer)
      if (tally.longestRun > limits.textRun) throw refused(path, `phần ${entry.name} có một đoạn văn bản dài hơn ${megabytes(limits.textRun)}`)
      if (entry.name === SHARED_STRINGS && tally.strings > limits.sharedStrings) throw refused(path, `có hơn ${count(limits.sharedStrings)} chuỗi dùng chung`)
      if (worksheet) {
        totals.cells += tally.cells - cellsBefore
        if (tally.rowCells > limits.cellsPerRow) throw refused(path, `một dòng của ${entry.name} có hơn ${count(limits.cellsPerRow)} ô`)
        if (totals.cells > limits.cells) throw refused(path, `có hơn ${count(limits.cells)} ô`)
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw refused(path, `phần ${entry.name} bị hỏng, không giải nén được`)
  } finally {
    source?.destroy()
    if (stream !== source) stream?.destroy()
  }
  if (size !== entry.size) throw refused(path, `phần ${entry.name} giải nén ra ${count(size)} byte, khác kích thước khai báo ${count(entry.size)} byte`)
}
