import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import type { ReorganisationRow } from '../../../domain/units/reorganisation.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { importRejected, readAllRows } from '../../import/read-all-rows.js'
import { RowParser } from '../../import/row-parser.js'
import { openTabularFile } from '../../import/tabular-file.js'
import { parseReorganisationRow } from './parse-reorganisation-row.js'
import { REORGANISATION_COLUMNS, type ReorganisationColumn } from './reorganisation-columns.js'

/**
 * The JSON form: one entry per new (or absorbing) unit with the old units it takes over, and the
 * units that end with no successor. Entry n is "dòng n" in the messages.
 */
const ReorganisationJson = z.object({
  date: z.string(),
  units: z
    .array(
      z.object({
        code: z.string(),
        name: z.string().optional(),
        kind: z.string().optional(),
        parent_code: z.string().nullable().optional(),
        from: z.array(z.string()).min(1, 'phải có ít nhất một đơn vị cũ'),
        /** The old communes, wards or villages it takes over: a split unit's dossier whose applicant's address names one goes to it. */
        areas: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  dissolved: z.array(z.string()).default([]),
  /** A split unit's dossiers named one by one: dossier code → the successor its history goes to. */
  dossiers: z.record(z.string(), z.string()).default({}),
})

export interface ReorganisationFile {
  rows: ReorganisationRow[]
  /** The rows that could not be read, reported with the plan's own issues. */
  issues: ImportIssue[]
  /** A split unit's dossiers named one by one (JSON `dossiers`): dossier code → successor code. */
  namedDossiers: Map<string, string>
}

/** The rows of a reorganisation file (CSV, XLSX or JSON) and the issues of those that could not be read. */
export async function readReorganisationFile(path: string): Promise<ReorganisationFile> {
  if (path.toLowerCase().endsWith('.json')) return readJson(path)
  const rows = await readAllRows(await openTabularFile(path), path, REORGANISATION_COLUMNS, { ignoreUnknown: false }, parseReorganisationRow)
  return { rows: rows.valid.map((r) => r.value), issues: rows.invalid.flatMap((r) => r.issues), namedDossiers: new Map() }
}

async function readJson(path: string): Promise<ReorganisationFile> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new AppError(ErrorCode.validation, `${path}: not JSON`, `Tệp ${path} không phải JSON hợp lệ: ${(error as Error).message}`)
  }
  const parsed = ReorganisationJson.safeParse(raw)
  if (!parsed.success) {
    const issues: ImportIssue[] = parsed.error.issues.map((i) => ({ line: typeof i.path[1] === 'number' ? i.path[1] + 1 : 0, column: i.path.join('.'), value: null, reason: i.message }))
    throw importRejected(path, issues, issues.length)
  }
  const { date, units, dissolved, dossiers } = parsed.data
  const cells: { line: number; cell: Partial<Record<ReorganisationColumn, string>> }[] = [
    ...units.flatMap((u, i) => u.from.map((old) => ({ line: i + 1, cell: { old_code: old, new_code: u.code, date, new_name: u.name ?? '', new_kind: u.kind ?? '', new_parent_code: u.parent_code ?? '' } }))),
    ...dissolved.map((old, i) => ({ line: units.length + i + 1, cell: { old_code: old, date } })),
  ]
  const parsedRows = cells.map(({ line, cell }) => {
    const parser = new RowParser<ReorganisationColumn>(line, (name) => cell[name] ?? '')
    const value = parseReorganisationRow(parser)
    const areas = line <= units.length ? units[line - 1]!.areas : []
    return { value: areas.length > 0 ? { ...value, newAreas: areas } : value, issues: parser.issues }
  })
  return { rows: parsedRows.filter((r) => r.issues.length === 0).map((r) => r.value), issues: parsedRows.flatMap((r) => r.issues), namedDossiers: new Map(Object.entries(dossiers)) }
}
