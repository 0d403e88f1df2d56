import { availableParallelism } from 'node:os'
import { csvPieces, type CsvLayout } from '../../import/csv-pieces.js'
import type { RejectedRowsWriter } from '../../import/rejected-rows-writer.js'
import type { DossierImportRun } from './dossier-import-run.js'
import { DossierParsePool } from './dossier-parse-pool.js'
import type { DossierPieceSetup, PieceResult } from './dossier-piece.js'
import { collect, repeatOfRefused, type Collector } from './import-collector.js'

/** Bytes per piece sent to a worker: about ten thousand rows of a dossier file. */
export const PIECE_BYTES = 1 << 20

/** Rows per COPY, as in the row-by-row path. */
const BATCH_ROWS = 20_000

/** One core is left to the main thread (COPY, the embedded database); four parsers outrun any COPY measured. */
export function defaultParseWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1))
}

export interface PieceStaging {
  run: DossierImportRun
  path: string
  layout: CsvLayout
  setup: DossierPieceSetup
  workers: number
  pieceBytes: number
  collector: Collector
  rejected: RejectedRowsWriter | null
  onPieceDone?: (rows: number, bytesRead: number) => void
}

/**
 * Reads a CSV file of dossiers in pieces parsed by worker threads and COPYs the valid rows to
 * the staging table as the pieces come back, in file order, so the rows refused, their issues
 * and the rows staged are those of reading the file row by row. Returns the rows read.
 */
export async function stageDossierPieces(staging: PieceStaging): Promise<number> {
  const { run, collector, rejected } = staging
  const pool = DossierParsePool.start(staging.setup, staging.workers)
  const ahead: { endOffset: number; result: Promise<PieceResult> }[] = []
  // Codes of refused rows, by their first line: a later row with the same code is refused too.
  const refusedCodes = new Map<string, number>()
  let read = 0
  let batch: string[] = []
  // One COPY in flight while the next pieces are taken in.
  let inFlight: Promise<void> = Promise.resolve()
  const stage = async (csv: string) => {
    await inFlight
    inFlight = run.stageCsv(csv)
    inFlight.catch(() => {}) // awaited below; this only marks it handled meanwhile
  }
  const refuse = async (line: number, cells: string[], issues: Parameters<typeof collect>[1]) => {
    collect(collector, issues)
    await rejected?.write(line, cells, issues)
  }
  const takeIn = async (endOffset: number, result: PieceResult) => {
    read += result.read
    const { staged, refused } = result
    let s = 0
    let r = 0
    while (s < staged.lines.length || r < refused.length) {
      if (r >= refused.length || (s < staged.lines.length && staged.lines[s]! < refused[r]!.line)) {
        const [line, code] = [staged.lines[s]!, staged.codes[s]!]
        const repeat = refusedCodes.get(code)
        if (repeat === undefined) batch.push(staged.csv[s]!)
        else await refuse(line, staged.cells[s] ?? [code], [repeatOfRefused(line, code, repeat)])
        s++
        continue
      }
      const row = refused[r++]!
      const repeat = row.code === '' ? undefined : refusedCodes.get(row.code)
      if (row.code !== '' && repeat === undefined) refusedCodes.set(row.code, row.line)
      const issues = repeat !== undefined ? [...row.parseIssues, repeatOfRefused(row.line, row.code, repeat)] : row.parseIssues.length > 0 ? row.parseIssues : row.resolveIssues
      await refuse(row.line, row.cells, issues)
    }
    if (batch.length >= BATCH_ROWS) {
      await stage(batch.join(''))
      batch = []
    }
    staging.onPieceDone?.(read, endOffset)
  }
  const queueLimit = pool.size * 3
  try {
    for await (const piece of csvPieces(staging.path, staging.layout, staging.pieceBytes)) {
      const result = pool.parse(piece)
      result.catch(() => {}) // taken in order below; an error is thrown there
      ahead.push({ endOffset: piece.endOffset, result })
      if (ahead.length >= queueLimit) {
        const next = ahead.shift()!
        await takeIn(next.endOffset, await next.result)
      }
    }
    for (let next = ahead.shift(); next; next = ahead.shift()) await takeIn(next.endOffset, await next.result)
    await stage(batch.join(''))
    await inFlight
    return read
  } finally {
    await pool.close()
  }
}
