import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'

const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a
const BOM = [0xef, 0xbb, 0xbf]

/** Where a CSV file's data starts and how its records end: what is needed to cut it in pieces. */
export interface CsvLayout {
  /** Byte offset of the first data line (after the byte-order mark and the header). */
  dataOffset: number
  /** The line csv-parse numbers the first data byte with (header = 1). */
  firstLine: number
  /** The line the UTF-8 check numbers it with (it counts line feeds only). */
  firstUtf8Line: number
  recordDelimiter: '\n' | '\r\n'
}

/**
 * A run of whole records of the file. `firstLine`/`firstUtf8Line` number its first byte as a
 * reader of the whole file would (csv-parse counts every CR and LF that is not part of a record
 * delimiter as a line, and a delimiter as one; the UTF-8 check counts line feeds).
 */
export interface CsvPiece {
  firstLine: number
  firstUtf8Line: number
  bytes: Uint8Array
  /** Bytes of the file read up to the end of this piece. */
  endOffset: number
}

/** How far the header is looked for before the file is read whole instead. */
const HEADER_WINDOW = 1 << 20

/**
 * The layout of a CSV file, or null when it cannot be cut safely (a lone CR ends its records,
 * or the header is longer than a megabyte): such a file is read in one piece by the caller.
 */
export async function csvLayout(path: string): Promise<CsvLayout | null> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(HEADER_WINDOW)
    const { bytesRead } = await handle.read(head, 0, HEADER_WINDOW, 0)
    const bytes = head.subarray(0, bytesRead)
    const start = BOM.every((b, i) => bytes[i] === b) ? 3 : 0
    let quoted = false
    for (let i = start; i < bytes.length; i++) {
      const byte = bytes[i]
      if (byte === QUOTE) quoted = !quoted
      else if (!quoted && byte === LF) return layoutAfterHeader(bytes, i + 1, '\n')
      else if (!quoted && byte === CR) return bytes[i + 1] === LF ? layoutAfterHeader(bytes, i + 2, '\r\n') : null
    }
    return null
  } finally {
    await handle.close()
  }
}

function layoutAfterHeader(bytes: Uint8Array, dataOffset: number, recordDelimiter: '\n' | '\r\n'): CsvLayout {
  const count = countLines(bytes.subarray(0, dataOffset), recordDelimiter)
  return { dataOffset, firstLine: 1 + count.csv, firstUtf8Line: 1 + count.lineFeeds, recordDelimiter }
}

/** The lines in whole records, as csv-parse and the UTF-8 check count them. */
function countLines(bytes: Uint8Array, delimiter: '\n' | '\r\n'): { csv: number; lineFeeds: number } {
  let quoted = false
  let lineFeeds = 0
  let carriageReturns = 0
  let delimiterPairs = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === QUOTE) quoted = !quoted
    else if (byte === LF) {
      lineFeeds++
      if (!quoted && i > 0 && bytes[i - 1] === CR) delimiterPairs++
    } else if (byte === CR) carriageReturns++
  }
  // A CR LF that ends a record is one line; any other CR or LF is one line each.
  return { csv: lineFeeds + carriageReturns - (delimiter === '\r\n' ? delimiterPairs : 0), lineFeeds }
}

/** The end of the last whole record in `bytes` (0: none yet), quotes followed from the start. */
function lastRecordEnd(bytes: Uint8Array, delimiter: '\n' | '\r\n'): number {
  let quoted = false
  let end = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === QUOTE) quoted = !quoted
    else if (byte === LF && !quoted && (delimiter === '\n' || (i > 0 && bytes[i - 1] === CR))) end = i + 1
  }
  return end
}

/**
 * The file's data cut into pieces of about `pieceBytes`, each ending at the end of a record (a
 * quoted cell may hold line breaks: quotes are followed), numbered as the whole file would be.
 */
export async function* csvPieces(path: string, layout: CsvLayout, pieceBytes: number): AsyncGenerator<CsvPiece> {
  let pending: Buffer = Buffer.alloc(0)
  let offset = layout.dataOffset
  let firstLine = layout.firstLine
  let firstUtf8Line = layout.firstUtf8Line
  const cut = (length: number): CsvPiece => {
    const bytes = Uint8Array.prototype.slice.call(pending, 0, length) // its own memory, to hand to a worker
    pending = pending.subarray(length)
    offset += length
    const piece = { firstLine, firstUtf8Line, bytes, endOffset: offset }
    const count = countLines(bytes, layout.recordDelimiter)
    firstLine += count.csv
    firstUtf8Line += count.lineFeeds
    return piece
  }
  for await (const chunk of createReadStream(path, { start: layout.dataOffset, highWaterMark: pieceBytes })) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer])
    if (pending.length < pieceBytes) continue
    const end = lastRecordEnd(pending, layout.recordDelimiter)
    if (end > 0) yield cut(end)
  }
  if (pending.length > 0) yield cut(pending.length)
}
