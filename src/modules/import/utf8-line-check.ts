import { isUtf8 } from 'node:buffer'
import { Transform, type TransformCallback } from 'node:stream'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

const NEWLINE = 0x0a

/**
 * Passes the bytes on unchanged and notes every line that is not UTF-8 (a cell typed in an old
 * Windows-1258 tool, a file glued from two sources), by its own number, so the row on that line
 * is rejected and named like any other bad row while the rest of the file is still checked.
 * A UTF-16 file (its byte-order mark) is not a text this reader can split at all: refused whole.
 */
export class Utf8LineCheck extends Transform {
  /** Line numbers (header = 1) that hold bytes which are not UTF-8. */
  readonly badLines = new Set<number>()
  /** The line being read: every line before this one has been checked. */
  private line: number
  private pending: Buffer[] = []
  private first: boolean

  /** `firstLine`: the number of the first line of the bytes (a later piece of a file starts further on, and has no byte-order mark). */
  constructor(firstLine = 1) {
    super()
    this.line = firstLine
    this.first = firstLine === 1
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.first) {
      this.first = false
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        callback(new AppError(ErrorCode.validation, 'file is UTF-16', 'Tệp được lưu bằng mã UTF-16: hãy lưu lại dưới dạng CSV UTF-8', [{ line: 1, reason: 'mã UTF-16' }]))
        return
      }
    }
    let start = 0
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.checkLine(chunk.subarray(start, end))
      start = end + 1
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start))
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.pending.length > 0) this.checkLine(Buffer.alloc(0))
    callback()
  }

  /** Whether any line in first…last (inclusive) was not UTF-8; the first such line, or null. */
  firstBadLineIn(first: number, last: number): number | null {
    for (let line = first; line <= last; line++) if (this.badLines.has(line)) return line
    return null
  }

  private checkLine(tail: Buffer): void {
    const bytes = this.pending.length === 0 ? tail : Buffer.concat([...this.pending, tail])
    this.pending = []
    if (!isUtf8(bytes)) this.badLines.add(this.line)
    this.line++
  }
}
