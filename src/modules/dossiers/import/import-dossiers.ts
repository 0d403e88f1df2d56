import type { DatabaseHandle } from '../../../db/open-database.js'
import { DOSSIER_FLAG_COLUMNS, type DossierFlagColumn } from '../../../domain/dossiers/dossier-flags.js'
import type { DossierInput } from '../../../domain/dossiers/dossier-input.js'
import { checkDossierRules } from '../../../domain/dossiers/dossier-rules.js'
import { loadEditedCalendarYears, loadWorkingCalendar } from '../../calendar/load-working-calendar.js'
import { cellReader, mapHeader } from '../../import/columns.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { MAX_REPORTED_ISSUES, type ImportSummary } from '../../import/import-summary.js'
import { importRejected } from '../../import/read-all-rows.js'
import { RejectedRowsWriter } from '../../import/rejected-rows-writer.js'
import { RowParser } from '../../import/row-parser.js'
import { csvLayout } from '../../import/csv-pieces.js'
import { formatOf, openTabularFile } from '../../import/tabular-file.js'
import type { ImportOptions } from '../../units/import-units.js'
import { DOSSIER_IMPORT_COLUMNS } from './dossier-columns.js'
import { DossierImportRun } from './dossier-import-run.js'
import { loadDossierLookups } from './dossier-lookups.js'
import type { DossierPieceSetup } from './dossier-piece.js'
import { DueDateMemo } from './due-date-memo.js'
import { collect, type Collector } from './import-collector.js'
import { parseDossierRow } from './parse-dossier-row.js'
import { resolveDossier, type StagedDossier } from './resolve-dossier.js'
import { defaultParseWorkers, PIECE_BYTES, stageDossierPieces } from './stage-dossier-pieces.js'

/** Rows per COPY: large enough to amortise a round trip, small enough to bound memory. */
const BATCH_SIZE = 20_000

export interface ImportProgress {
  rows: number
  bytesRead: number
  totalBytes: number
}

export interface DossierImportOptions extends ImportOptions {
  onProgress?: (progress: ImportProgress) => void
  /**
   * Worker threads that parse a CSV file beside the COPY; 0 reads it row by row on this thread.
   * Unset: one per core but one, for a CSV file of more than two pieces (a small file is not worth starting them).
   */
  workers?: number
  /** Bytes per piece for the workers (tests cut a small file in many pieces). */
  pieceBytes?: number
}

/** How many parse workers a file gets, 0 for the row-by-row path. */
function workersFor(options: DossierImportOptions, totalBytes: number): number {
  if (options.workers !== undefined) return Math.max(0, Math.floor(options.workers))
  return totalBytes > 2 * PIECE_BYTES ? defaultParseWorkers() : 0
}


async function finish(
  run: DossierImportRun,
  path: string,
  skipInvalid: boolean,
  collector: Collector,
  rejected: RejectedRowsWriter | null,
  actor: string,
  read: number,
  auditActor?: string,
): Promise<ImportSummary> {
  const duplicates = await run.countDuplicates()
  if (duplicates > 0) {
    for (const d of await run.duplicates(MAX_REPORTED_ISSUES)) {
      const issue: ImportIssue = { line: d.line, column: 'code', value: d.code, reason: `mã hồ sơ trùng với dòng ${d.firstLine}` }
      collect(collector, [issue], false) // the rows are counted below, all of them, not just those listed
      if (rejected) await rejected.write(d.line, [d.code], [issue])
    }
    collector.rejectedRows += duplicates
  }
  if (collector.rejectedRows > 0 && !skipInvalid) {
    await run.abandon()
    throw importRejected(path, collector.issues.sort((a, b) => a.line - b.line), collector.rejectedRows)
  }
  if (duplicates > 0) await run.dropDuplicates()
  await rejected?.close()
  const counts = await run.merge(actor, auditActor)
  return {
    kind: 'dossiers', file: path, read, ...counts, rejected: collector.rejectedRows,
    rejectedFile: rejected?.used ? rejected.path : null, issues: collector.issues,
  }
}

/** `import dossiers FILE`: streamed, staged with COPY, merged in one transaction. */
export async function importDossiers(handle: DatabaseHandle, path: string, options: DossierImportOptions): Promise<ImportSummary> {
  const file = await openTabularFile(path)
  const { index, issues } = mapHeader(file.header, DOSSIER_IMPORT_COLUMNS, options.ignoreUnknown)
  if (issues.length > 0) {
    file.close()
    throw importRejected(path, issues, 0)
  }
  const { totalBytes } = file.progress()
  const workers = workersFor(options, totalBytes)
  const layout = workers > 0 && formatOf(path) === 'csv' ? await csvLayout(path) : null
  const lookups = await loadDossierLookups(handle.db)
  const run = await DossierImportRun.start(handle, path, DOSSIER_FLAG_COLUMNS.filter((column) => index.has(column)))
  const collector: Collector = { issues: [], rejectedRows: 0 }
  const rejected = options.skipInvalid ? new RejectedRowsWriter(path, file.header) : null
  if (layout !== null) {
    file.close()
    try {
      const setup: DossierPieceSetup = {
        runId: run.id, columns: [...index], headerWidth: file.header.length, recordDelimiter: layout.recordDelimiter, lookups,
        editedCalendarYears: await loadEditedCalendarYears(handle.db), keepCells: rejected !== null,
      }
      const onPieceDone = (rows: number, bytesRead: number) => options.onProgress?.({ rows, bytesRead, totalBytes })
      const pieceBytes = options.pieceBytes ?? PIECE_BYTES
      const read = await stageDossierPieces({ run, path, layout, setup, workers, pieceBytes, collector, rejected, onPieceDone })
      return await finish(run, path, options.skipInvalid, collector, rejected, `import:${path}`, read, options.actor)
    } catch (error) {
      await rejected?.close()
      await run.abandon().catch(() => {})
      throw error
    }
  }
  const dueDates = new DueDateMemo(await loadWorkingCalendar(handle.db))
  let batch: StagedDossier[] = []
  let read = 0
  // Codes of rejected rows, by their first line: a later row with the same code is a repeat too
  // (the staging table only sees valid rows, so it cannot tell).
  const rejectedCodes = new Map<string, number>()
  // One COPY in flight while the next batch is parsed: on a server the two overlap.
  let inFlight: Promise<void> = Promise.resolve()
  const stage = async (rows: StagedDossier[]) => {
    await inFlight
    inFlight = run.stage(rows)
    inFlight.catch(() => {}) // awaited below; this only marks it handled meanwhile
  }
  try {
    for await (const { line, cells, problems, readable } of file.rows) {
      read++
      const row = new RowParser(line, cellReader(index, cells), problems)
      const input = readable ? parseDossierRow(row) : null
      const code = readable ? row.text('code') : ''
      const repeatsRejected = code === '' ? undefined : rejectedCodes.get(code)
      if (repeatsRejected !== undefined) row.fail('code', code, `mã hồ sơ trùng với dòng ${repeatsRejected}`)
      const resolution = input !== null && row.issues.length === 0 ? resolveDossier(line, input, lookups, dueDates) : ({ ok: false, issues: row.issues } as const)
      if (!resolution.ok && code !== '' && repeatsRejected === undefined) rejectedCodes.set(code, line)
      if (resolution.ok) {
        batch.push(resolution.staged)
        if (batch.length >= BATCH_SIZE) {
          await stage(batch)
          batch = []
          options.onProgress?.({ rows: read, ...file.progress() })
        }
      } else {
        collect(collector, resolution.issues)
        await rejected?.write(line, cells, resolution.issues)
      }
    }
    await stage(batch)
    await inFlight
    options.onProgress?.({ rows: read, ...file.progress() })
    return await finish(run, path, options.skipInvalid, collector, rejected, `import:${path}`, read, options.actor)
  } catch (error) {
    await rejected?.close()
    await run.abandon().catch(() => {})
    throw error
  }
}

/**
 * The same path for dossiers built in code (the demo, tests): all must be valid. `flagColumns`
 * says which Decision 766 flags the inputs carry (as a file's header would); none by default.
 */
export async function importDossierInputs(
  handle: DatabaseHandle,
  inputs: Iterable<DossierInput>,
  source: string,
  flagColumns: readonly DossierFlagColumn[] = [],
): Promise<ImportSummary> {
  const lookups = await loadDossierLookups(handle.db)
  const dueDates = new DueDateMemo(await loadWorkingCalendar(handle.db))
  const run = await DossierImportRun.start(handle, source, flagColumns)
  const collector: Collector = { issues: [], rejectedRows: 0 }
  let batch: StagedDossier[] = []
  let read = 0
  try {
    for (const input of inputs) {
      read++
      const broken = checkDossierRules(input).map((b): ImportIssue => ({ line: read + 1, column: b.field, value: b.value, reason: b.reason }))
      const resolution = broken.length > 0 ? ({ ok: false, issues: broken } as const) : resolveDossier(read + 1, input, lookups, dueDates)
      if (!resolution.ok) {
        collect(collector, resolution.issues)
        continue
      }
      batch.push(resolution.staged)
      if (batch.length >= BATCH_SIZE) {
        await run.stage(batch)
        batch = []
      }
    }
    await run.stage(batch)
    return await finish(run, source, false, collector, null, `import:${source}`, read)
  } catch (error) {
    await run.abandon().catch(() => {})
    throw error
  }
}
