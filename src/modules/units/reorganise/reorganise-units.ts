import type { Transaction } from 'kysely'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { Database } from '../../../db/schema.js'
import { planReorganisation, type ExistingUnit, type PlanIssue, type ReorganisationPlan, type ReorganisationRow } from '../../../domain/units/reorganisation.js'
import type { UnitKind } from '../../../domain/units/unit-kind.js'
import { writeAudit } from '../../audit/write-audit.js'
import { importRejected } from '../../import/read-all-rows.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { vietnamMidnight } from '../../indicators/dossier-figures.js'
import { checkUnitSet, saveUnits, type UnitLine } from '../save-units.js'
import { readReorganisationFile } from './read-reorganisation-file.js'
import { joinNamedDossiers, readSplitDossiersFile } from './read-split-dossiers-file.js'
import { saveDivertedDossiers, shareSplitDossiers, type SplitShare } from './split-shares.js'

export interface ReorganiseOptions {
  /** Say what would move and change nothing. */
  dryRun: boolean
  /** A CSV/XLSX file naming split units' dossiers one by one (dossier_code, new_code). */
  dossiersFile?: string
  /**
   * The accounts of dissolved units: moved to the successor (closed when there is none), or
   * closed with their unit; `keep` is for the demo only, whose old accounts show the history.
   */
  accounts: 'move' | 'close' | 'keep'
  /** Who reorganises, for the audit log. */
  actor: string
}

export interface AccountMove {
  username: string
  from: string
  /** The successor the account now belongs to; null: closed with its unit. */
  to: string | null
}

export interface ReorganisationOutcome {
  file: string
  applied: boolean
  plan: ReorganisationPlan
  accounts: AccountMove[]
  /** API tokens of dissolved units, revoked (a system's access is granted again, knowingly). */
  revokedTokens: number
  /** How many dossiers of each split unit go to each successor. */
  splitShares: SplitShare[]
}

/**
 * `units reorganise FILE`: the old units end the day before the date, the new ones begin on it,
 * each old unit's history rolls into its successor, its accounts move there (or are closed) —
 * all in one transaction with one audit row, or nothing at all when any row is wrong.
 */
export async function reorganiseUnits(handle: DatabaseHandle, path: string, options: ReorganiseOptions): Promise<ReorganisationOutcome> {
  const file = await readReorganisationFile(path)
  const listed = options.dossiersFile ? await readSplitDossiersFile(options.dossiersFile) : new Map<string, string>()
  const { named, issues } = joinNamedDossiers(file.namedDossiers, listed)
  return applyReorganisation(handle, file.rows, path, options, [...file.issues, ...issues], named)
}

/** The same from rows already read (the demo's reorganisation of 1/7/2025). */
export async function applyReorganisation(
  handle: DatabaseHandle,
  rows: readonly ReorganisationRow[],
  path: string,
  options: ReorganiseOptions,
  unreadable: readonly ImportIssue[] = [],
  namedDossiers: ReadonlyMap<string, string> = new Map(),
): Promise<ReorganisationOutcome> {
  return handle.db.transaction().execute(async (trx) => {
    const existing = await existingUnits(trx)
    const { plan, issues: planIssues } = planReorganisation(rows, existing)
    const split = await shareSplitDossiers(trx, rows, plan, namedDossiers)
    const issues: (PlanIssue | ImportIssue)[] = [...unreadable, ...planIssues, ...(await dossiersAfterTheEnd(trx, rows, plan)), ...split.issues]
    // The same checks as a unit import (parents exist, no unit above itself), named by the file's line.
    if (issues.length === 0) issues.push(...(await treeIssues(trx, rows, unitLines(plan, existing))))
    if (issues.length > 0) throw importRejected(path, issues.sort((a, b) => a.line - b.line), new Set(issues.map((i) => i.line)).size)

    const accounts = options.accounts === 'keep' ? [] : await accountMoves(trx, plan, options.accounts === 'close')
    const dissolvedIds = (await trx.selectFrom('units').select('id').where('code', 'in', plan.dissolved.length > 0 ? plan.dissolved.map((d) => d.code) : ['']).execute()).map((u) => u.id)
    const liveTokens = dissolvedIds.length === 0 ? [] : await trx.selectFrom('api_tokens').select('id').where('unit_id', 'in', dissolvedIds).where('revoked_at', 'is', null).execute()
    const outcome: ReorganisationOutcome = { file: path, applied: !options.dryRun, plan, accounts, revokedTokens: options.accounts === 'keep' ? 0 : liveTokens.length, splitShares: split.shares }
    if (options.dryRun) return outcome

    await saveUnits(trx, unitLines(plan, existing))
    const idOf = new Map((await trx.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]))
    await saveDivertedDossiers(trx, split.diverted, idOf)
    for (const move of accounts) {
      const user = trx.updateTable('users').where('username', '=', move.username)
      if (move.to === null) await user.set({ active: false }).execute()
      else await user.set({ unit_id: idOf.get(move.to)! }).execute()
    }
    // A closed account's sessions end now; a moved one's sessions read its new unit on the next request.
    const closed = accounts.filter((a) => a.to === null).map((a) => a.username)
    if (closed.length > 0) {
      await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('revoked_at', 'is', null)
        .where('user_id', 'in', (eb) => eb.selectFrom('users').select('users.id').where('users.username', 'in', closed)).execute()
    }
    if (liveTokens.length > 0 && options.accounts !== 'keep') await trx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', 'in', liveTokens.map((t) => t.id)).execute()
    await writeAudit(trx, {
      actor: options.actor,
      action: 'units.reorganise',
      entity: 'units',
      summary: { file: path, created: plan.created, dissolved: plan.dissolved, splits: plan.splits, split_shares: split.shares, accounts, revoked_tokens: outcome.revokedTokens },
    })
    return outcome
  })
}

async function existingUnits(trx: Transaction<Database>): Promise<ExistingUnit[]> {
  const rows = await trx
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('units as s', 's.id', 'u.successor_id')
    .select(['u.code', 'u.name', 'u.kind', 'u.valid_from', 'u.valid_to', 'p.code as parent_code', 's.code as successor_code'])
    .execute()
  return rows.map((r) => ({
    code: r.code, name: r.name, kind: r.kind as UnitKind, parentCode: r.parent_code, validFrom: r.valid_from, validTo: r.valid_to, successorCode: r.successor_code,
  }))
}

/** The tree the plan would make, checked as a unit import checks it; each issue on the file's row that names the unit. */
async function treeIssues(trx: Transaction<Database>, rows: readonly ReorganisationRow[], lines: readonly UnitLine[]): Promise<ImportIssue[]> {
  const found = checkUnitSet(lines, await trx.selectFrom('units').selectAll().execute())
  return found.map((issue) => {
    const code = lines.find((l) => l.line === issue.line)?.unit.code
    const row = rows.find((r) => r.newCode === code) ?? rows.find((r) => r.oldCode === code)
    return { ...issue, line: row?.line ?? issue.line }
  })
}

/** A unit cannot end before dossiers it has already received: those must go to the successor first. */
async function dossiersAfterTheEnd(trx: Transaction<Database>, rows: readonly ReorganisationRow[], plan: ReorganisationPlan): Promise<PlanIssue[]> {
  const issues: PlanIssue[] = []
  for (const ended of plan.dissolved) {
    const row = rows.find((r) => r.oldCode === ended.code)!
    const { n } = await trx
      .selectFrom('dossiers as d')
      .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('u.code', '=', ended.code)
      .where('d.received_at', '>=', vietnamMidnight(row.date))
      .executeTakeFirstOrThrow()
    if (Number(n) > 0) issues.push({ line: row.line, column: 'old_code', value: ended.code, reason: `đơn vị đã tiếp nhận ${Number(n)} hồ sơ từ ngày hiệu lực trở đi; không thể chấm dứt trước ngày đó` })
  }
  return issues
}

async function accountMoves(trx: Transaction<Database>, plan: ReorganisationPlan, closeAccounts: boolean): Promise<AccountMove[]> {
  if (plan.dissolved.length === 0) return []
  const successorOf = new Map(plan.dissolved.map((d) => [d.code, d.successorCode]))
  const users = await trx
    .selectFrom('users as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['a.username', 'u.code'])
    .where('u.code', 'in', [...successorOf.keys()])
    .where('a.active', '=', true)
    .orderBy('a.username')
    .execute()
  return users.map((u) => ({ username: u.username, from: u.code, to: closeAccounts ? null : successorOf.get(u.code) ?? null }))
}

/** The plan as unit rows for saveUnits: the new units, then the old ones with their last day and successor. */
function unitLines(plan: ReorganisationPlan, existing: readonly ExistingUnit[]): UnitLine[] {
  const byCode = new Map(existing.map((u) => [u.code, u]))
  const created = plan.created.map((c, i): UnitLine => ({ line: i + 1, unit: { code: c.code, name: c.name, kind: c.kind, parentCode: c.parentCode, validFrom: c.validFrom, validTo: null, successorCode: null } }))
  const ended = plan.dissolved.map((d, i): UnitLine => {
    const old = byCode.get(d.code)!
    return { line: created.length + i + 1, unit: { code: old.code, name: old.name, kind: old.kind, parentCode: old.parentCode, validFrom: old.validFrom, validTo: d.validTo, successorCode: d.successorCode } }
  })
  return [...created, ...ended]
}
