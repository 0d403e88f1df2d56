import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { PaymentInput } from '../../domain/index766/score-unit.js'
import type { UnitKind } from '../../domain/units/unit-kind.js'
import { LEVELS_OF } from './publication-inputs.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { dossierScopes, dossierScopesJoin } from './scope-dossiers.js'
import { windowsSpan, windowsTable } from './time-windows.js'
import { paidProceduresFromPartials } from './payment-partials.js'

interface FeeProcedure {
  procedure_id: number
  payment_integrated: boolean | null
}

interface FeeVersion extends FeeProcedure {
  fee_vnd: number
  valid_from: Date | null
}

/** Every version of the procedures answered for at a level set that came into force before `last`, newest first per procedure. */
async function feeVersionsBefore(db: Kysely<Database>, levels: readonly string[], last: Date): Promise<FeeVersion[]> {
  const { rows } = await sql<FeeVersion>`
    select pv.procedure_id, pv.fee_vnd, pv.payment_integrated, pv.valid_from
    from procedure_versions pv
    where pv.level in (${sql.join(levels)}) and (pv.valid_from is null or pv.valid_from < ${last})
    order by pv.procedure_id, pv.version desc
  `.execute(db)
  return rows
}

/** The procedures with a fee, each in its version in force at `end` (the newest come into force before it), of versions read by `feeVersionsBefore`. */
function feeProceduresAt(versions: readonly FeeVersion[], end: Date): FeeProcedure[] {
  const inForce = new Map<number, FeeVersion>()
  for (const v of versions) {
    if (inForce.has(Number(v.procedure_id))) continue
    if (v.valid_from === null || new Date(v.valid_from) < end) inForce.set(Number(v.procedure_id), v)
  }
  return [...inForce.values()].filter((row) => Number(row.fee_vnd) > 0)
}

/**
 * 3.5 for a unit (its subtree) and a period, over the procedures it answers for (its level and
 * below, as 1.1–1.3) whose version in force at the period's end has a non-zero fee:
 * - B: those whose fee is integrated for online payment (tích hợp thanh toán trực tuyến) / those
 *   whose integration is known; null ("chưa có dữ liệu") when no such procedure's is known;
 * - C: those with at least one dossier of the subtree paid online in the period / all of them. A
 *   dossier is paid in the period when its payment time is (the desk records it), else when it
 *   was received in it (a file gives no payment time: online payment comes with the submission,
 *   as 3.6 counts it).
 * Several scopes (each a unit's subtree) at once: the dossiers read once, grouped by scope.
 */
export async function paymentInputs(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, PaymentInput>> {
  return (await paymentInputsOverWindows(db, scopeIds, [{ start, end }]))[0]!
}

/** `paymentInputs` for several periods: the dossiers read once, grouped by (period, scope). */
export async function paymentInputsOverWindows(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Map<number, PaymentInput>[]> {
  const scopes = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', scopeIds).execute()
  const span = windowsSpan(windows)
  // Months, quarters and years from the rows kept per unit and month paid (payment-partials.ts).
  const paid = (await paidProceduresFromPartials(db, scopeIds, windows)) ?? (await paidProceduresOverDossiers(db, scopeIds, windows))
  const paidBy = new Map<string, Set<number>>()
  for (const row of paid) {
    const key = `${Number(row.w)}:${Number(row.scope_id)}`
    const set = paidBy.get(key) ?? new Set<number>()
    set.add(Number(row.procedure_id))
    paidBy.set(key, set)
  }
  const result: Map<number, PaymentInput>[] = []
  // The versions of each kind's procedures read once for every period.
  const versionsByKind = new Map<string, FeeVersion[]>()
  for (const scope of scopes) {
    if (!versionsByKind.has(scope.kind)) versionsByKind.set(scope.kind, await feeVersionsBefore(db, LEVELS_OF[scope.kind as UnitKind] ?? LEVELS_OF.province, span.end))
  }
  for (const [w, { end }] of windows.entries()) {
    const byKind = new Map<string, FeeProcedure[]>()
    const inWindow = new Map<number, PaymentInput>()
    for (const scope of scopes) {
      if (!byKind.has(scope.kind)) byKind.set(scope.kind, feeProceduresAt(versionsByKind.get(scope.kind)!, end))
      const procedures = byKind.get(scope.kind)!
      const known = procedures.filter((r) => r.payment_integrated !== null)
      const paidHere = paidBy.get(`${w}:${scope.id}`) ?? new Set<number>()
      inWindow.set(scope.id, {
        b: known.length === 0 ? null : { numerator: known.filter((r) => r.payment_integrated === true).length, denominator: known.length },
        c: { numerator: procedures.filter((r) => paidHere.has(Number(r.procedure_id))).length, denominator: procedures.length },
      })
    }
    result.push(inWindow)
  }
  return result
}

/** Each (period, scope, procedure) with a dossier paid online in the period, read from the dossiers. */
export async function paidProceduresOverDossiers(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<{ w: number; scope_id: number; procedure_id: number }[]> {
  const span = windowsSpan(windows)
  // paid_at ≥ received_at: the receipt bound lets an index on received_at serve.
  const { rows } = await sql<{ w: number; scope_id: number; procedure_id: number }>`
    select distinct w.w, scope.scope_id, d.procedure_id
    from dossiers d
    ${dossierScopesJoin(await dossierScopes(db, scopeIds))}
    join ${windowsTable(windows)} on d.received_at < w.e and coalesce(d.paid_at, d.received_at) >= w.s and coalesce(d.paid_at, d.received_at) < w.e
    where d.paid_online and d.fee_vnd > 0 and d.received_at < ${span.end}
      and coalesce(d.paid_at, d.received_at) >= ${span.start} and coalesce(d.paid_at, d.received_at) < ${span.end}
  `.execute(db)
  return rows
}
