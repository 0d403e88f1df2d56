import type { Transaction } from 'kysely'
import type { Database } from '../../../db/schema.js'
import type { PlanIssue, ReorganisationPlan, ReorganisationRow } from '../../../domain/units/reorganisation.js'
import { shareOfDossier, type Split } from '../../../domain/units/split-history.js'

/** How many dossiers of a split unit go to each of its successors (the first named included). */
export interface SplitShare {
  code: string
  to: { code: string; dossiers: number }[]
}

/** A dossier of a split unit that goes to another successor than the first named (dossier_heirs). */
export interface DivertedDossier {
  dossierId: string
  unitCode: string
  heirCode: string
}

export interface SplitOutcome {
  shares: SplitShare[]
  diverted: DivertedDossier[]
  issues: PlanIssue[]
}

/**
 * Shares each split unit's dossiers (received or decided by it) among its successors by
 * `shareOfDossier`: the file's per-dossier names, else the applicant's address in a successor's
 * areas, else the first named. A named dossier that is no split unit's, or a successor that is
 * not one of its unit's, is an issue ("dossiers", code, reason).
 */
export async function shareSplitDossiers(trx: Transaction<Database>, rows: readonly ReorganisationRow[], plan: ReorganisationPlan, named: ReadonlyMap<string, string>): Promise<SplitOutcome> {
  const issues: PlanIssue[] = []
  const shares: SplitShare[] = []
  const diverted: DivertedDossier[] = []
  const seen = new Set<string>()
  for (const s of plan.splits) {
    const successors = [s.historyTo, ...s.alsoTo]
    const areas = new Map(successors.map((code) => [code, rows.filter((r) => r.newCode === code).flatMap((r) => r.newAreas ?? [])]))
    const split: Split = { code: s.code, successors, areas }
    const dossiers = await trx
      .selectFrom('dossiers as d')
      .innerJoin('units as u', (join) => join.on('u.code', '=', s.code))
      .where((eb) => eb.or([eb('d.receiving_unit_id', '=', eb.ref('u.id')), eb('d.deciding_unit_id', '=', eb.ref('u.id'))]))
      .select(['d.id', 'd.code', 'd.applicant_address'])
      .execute()
    const counts = new Map(successors.map((code) => [code, 0]))
    for (const d of dossiers) {
      const share = shareOfDossier(split, { code: d.code, applicantAddress: d.applicant_address }, named)
      if (named.has(d.code)) {
        seen.add(d.code)
        if (!successors.includes(share.successor)) {
          issues.push({ line: 0, column: 'dossiers', value: d.code, reason: `${share.successor} không phải đơn vị kế thừa của ${s.code} (${successors.join(', ')})` })
          continue
        }
      }
      counts.set(share.successor, counts.get(share.successor)! + 1)
      if (share.successor !== s.historyTo) diverted.push({ dossierId: d.id, unitCode: s.code, heirCode: share.successor })
    }
    shares.push({ code: s.code, to: successors.map((code) => ({ code, dossiers: counts.get(code)! })) })
  }
  for (const code of named.keys()) {
    if (!seen.has(code)) issues.push({ line: 0, column: 'dossiers', value: code, reason: 'không phải hồ sơ của đơn vị nào được chia cho nhiều đơn vị kế thừa trong tệp' })
  }
  return { shares, diverted, issues }
}

/** Stores the diverted dossiers, once the new units exist. */
export async function saveDivertedDossiers(trx: Transaction<Database>, diverted: readonly DivertedDossier[], idOf: ReadonlyMap<string, number>): Promise<void> {
  for (let i = 0; i < diverted.length; i += 1000) {
    const batch = diverted.slice(i, i + 1000).map((d) => ({ dossier_id: d.dossierId, unit_id: idOf.get(d.unitCode)!, heir_id: idOf.get(d.heirCode)! }))
    await trx.insertInto('dossier_heirs').values(batch).onConflict((oc) => oc.columns(['dossier_id', 'unit_id']).doUpdateSet((eb) => ({ heir_id: eb.ref('excluded.heir_id') }))).execute()
  }
}
