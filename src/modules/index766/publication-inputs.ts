import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import { nationalDbOnTime, publishedOnTime, type ProcedurePublication } from '../../domain/procedures/publication.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import type { UnitKind } from '../../domain/units/unit-kind.js'

export interface PublicationInputs {
  '1.1': Fraction | null
  '1.2': Fraction | null
  '1.3': Fraction | null
  '4.5a': Fraction | null
}

/**
 * The procedures a unit answers for: those decided at its level and below (a commune's are the
 * commune-level ones; a district adds its own; a province, or an office, all of them).
 */
export const LEVELS_OF: Record<UnitKind, readonly string[]> = {
  province: ['province', 'district', 'commune'],
  district: ['district', 'commune'],
  commune: ['commune'],
  office: ['province', 'district', 'commune'],
}

export interface VersionRow {
  procedure_id: number
  version: number
  valid_from: Date | null
  decision_number: string | null
  decided_on: string | null
  legal_basis_effective_on: string | null
  made_public_on: string | null
  national_db_updated_on: string | null
  all_parts_published: boolean | null
  uses_population_data: boolean | null
  payment_integrated: boolean | null
}

const publicationOf = (v: VersionRow): ProcedurePublication => ({
  decisionNumber: v.decision_number,
  decidedOn: v.decided_on,
  legalBasisEffectiveOn: v.legal_basis_effective_on,
  madePublicOn: v.made_public_on,
  nationalDbUpdatedOn: v.national_db_updated_on,
  allPartsPublished: v.all_parts_published,
  usesPopulationData: v.uses_population_data,
  paymentIntegrated: v.payment_integrated,
})

/** Counts over items whose fact is known; null when none of the items in scope carries it. */
function tally<T>(items: readonly T[], judge: (item: T) => boolean | null, sourceKept: boolean): Fraction | null {
  if (!sourceKept) return null
  let numerator = 0
  let denominator = 0
  for (const item of items) {
    const verdict = judge(item)
    if (verdict === null) continue
    denominator += 1
    if (verdict) numerator += 1
  }
  return { numerator, denominator }
}

/**
 * 1.1, 1.2, 1.3 and 4.5a for a unit and a period, from the publication of procedure versions.
 * - 1.1: versions whose legal basis took effect in the period, judged by `publishedOnTime`;
 * - 1.2: versions whose act was issued in the period, judged by `nationalDbOnTime`;
 * - 1.3: the versions in force at the period's end made public by then: complete or not;
 * - 4.5a: the versions in force at the period's end: using population data or not.
 * An item whose facts are not known is left out; an indicator is null when no version in scope
 * (known by the period's end) carries the facts it needs — motcua is not told about publication —
 * and 0/0 when they are kept but nothing fell due in the period.
 */
export async function publicationInputs(db: Kysely<Database>, calendar: WorkingCalendar, unitId: number, from: LocalDate, to: LocalDate, end: Date): Promise<PublicationInputs> {
  const unit = await db.selectFrom('units').select('kind').where('id', '=', unitId).executeTakeFirstOrThrow()
  return publicationInputsOf(calendar, await publicationVersions(db, unit.kind, end), from, to, end)
}

/** The versions of the procedures a kind of unit answers for, known before `last` (the latest end asked), by procedure and version. */
export async function publicationVersions(db: Kysely<Database>, kind: string, last: Date): Promise<VersionRow[]> {
  const levels = LEVELS_OF[kind as UnitKind] ?? LEVELS_OF.province
  return db
    .selectFrom('procedure_versions')
    .select(['procedure_id', 'version', 'valid_from', 'decision_number', 'decided_on', 'legal_basis_effective_on', 'made_public_on', 'national_db_updated_on', 'all_parts_published', 'uses_population_data', 'payment_integrated'])
    .where('level', 'in', levels)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<', last)]))
    .orderBy('procedure_id')
    .orderBy('version')
    .execute()
}

/** `publicationInputs` of versions `publicationVersions` read for an end at or after this period's: those known by its end count. */
export function publicationInputsOf(calendar: WorkingCalendar, read: readonly VersionRow[], from: LocalDate, to: LocalDate, end: Date): PublicationInputs {
  const versions = read.filter((v) => v.valid_from === null || new Date(v.valid_from) < end)
  const inForce = new Map<number, VersionRow>()
  for (const v of versions) inForce.set(v.procedure_id, v)
  const current = [...inForce.values()]

  const decided = versions.filter((v) => v.decided_on !== null && v.decided_on <= to)
  const dueForAct = versions.filter((v) => v.legal_basis_effective_on !== null && v.legal_basis_effective_on >= from && v.legal_basis_effective_on <= to)
  const actsInPeriod = versions.filter((v) => v.decided_on !== null && v.decided_on >= from && v.decided_on <= to)
  const madePublic = current.filter((v) => v.made_public_on !== null && v.made_public_on <= to)

  return {
    '1.1': tally(dueForAct, (v) => publishedOnTime(calendar, publicationOf(v)), decided.some((v) => v.legal_basis_effective_on !== null)),
    '1.2': tally(actsInPeriod, (v) => nationalDbOnTime(calendar, publicationOf(v)), decided.some((v) => v.national_db_updated_on !== null)),
    '1.3': tally(madePublic, (v) => v.all_parts_published, madePublic.some((v) => v.all_parts_published !== null)),
    '4.5a': tally(current, (v) => v.uses_population_data, current.some((v) => v.uses_population_data !== null)),
  }
}
