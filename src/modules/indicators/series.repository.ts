import { scopeMemberIds } from './scope-members.js'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import type { IndicatorScope, Period } from './indicator-scope.js'

/**
 * The rollup rows a whole series needs, read once and summed over the scope's units per day or
 * month. In these rows `overdueOpen` is the change of that day or month (overdue_enter −
 * overdue_exit): summed up to a date, they give the dossiers overdue and open at its end.
 */
export interface SeriesRollups {
  /** The first month of the period: `overdueBefore` is everything before it. */
  firstMonth: LocalDate
  /** rollup_daily, from the first day of the period's first month to its last day. */
  days: ReadonlyMap<LocalDate, RollupTotals>
  /** rollup_monthly, the months of the period (month = its first day). */
  months: ReadonlyMap<LocalDate, RollupTotals>
  /** Σ (overdue_enter − overdue_exit) of rollup_monthly before the period's first month. */
  overdueBefore: number
  /** The e-certified copies of each commune of the scope with some, on the same days and months. */
  ecertDays: ReadonlyMap<LocalDate, ReadonlyMap<number, number>>
  ecertMonths: ReadonlyMap<LocalDate, ReadonlyMap<number, number>>
}

/** The rollup columns of each sum; `overdueOpen` is the day's or month's change. */
const COLUMNS = {
  received: 'received', onlineEligible: 'online_eligible', online: 'online', digitizationEligible: 'digitization_eligible',
  fullyDigitized: 'fully_digitized', feeEligible: 'fee_eligible', paidOnline: 'paid_online', ecertCopies: 'ecert_copies',
  finished: 'finished', resultDigitized: 'result_digitized', onTime: 'on_time', late: 'late', rated: 'rated', satisfied: 'satisfied',
  overdueOpen: 'overdue_change',
} as const satisfies Record<keyof RollupTotals, string>
type Column = (typeof COLUMNS)[keyof RollupTotals]

type SumsRow = { grain: 'day' | 'month' | 'before'; date: LocalDate | null } & Record<Column, number | string | null> & {
  /** The communes with e-certified copies on that day or month, and their copies, in the same order. */
  ecert_unit_ids: number[] | null
  ecert_unit_copies: number[] | null
}

export function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`
}

/** The units of the scope, and whether each is a commune (for ecert_units). */
function members(scope: Pick<IndicatorScope, 'unitId' | 'scope'>) {
  const ids = scopeMemberIds(scope.unitId, scope.scope === 'own')
  return sql`select m.unit_id, u.kind = 'commune' as commune from (${ids}) m join units u on u.id = m.unit_id`
}

function toTotals(row: SumsRow): RollupTotals {
  const totals = { ...EMPTY_TOTALS }
  for (const key of Object.keys(COLUMNS) as (keyof RollupTotals)[]) totals[key] = Number(row[COLUMNS[key]] ?? 0)
  return totals
}

/** One query whatever the number of points of the series. */
export async function readSeriesRollups(db: Kysely<Database>, scope: Pick<IndicatorScope, 'unitId' | 'scope'>, period: Period): Promise<SeriesRollups> {
  const firstMonth = monthStart(period.from)
  const lastMonth = monthStart(period.to)
  const sums = sql.join([
    ...Object.values(COLUMNS).filter((c) => c !== COLUMNS.overdueOpen).map((c) => sql`sum(r.${sql.ref(c)}) as ${sql.ref(c)}`),
    sql`sum(r.overdue_enter - r.overdue_exit) as ${sql.ref(COLUMNS.overdueOpen)}`,
  ])
  // ecert_units counts communes by their own copies, so those are kept per unit, not summed.
  const ecert = sql`o.commune and r.ecert_copies <> 0`
  const ecertPerUnit = sql`array_agg(r.unit_id order by r.unit_id) filter (where ${ecert}) as ecert_unit_ids,
    array_agg(r.ecert_copies order by r.unit_id) filter (where ${ecert}) as ecert_unit_copies`
  const { rows } = await sql<SumsRow>`
    with units_of as (${members(scope)})
    select 'day' as grain, r.day as date, ${sums}, ${ecertPerUnit} from rollup_daily r join units_of o on o.unit_id = r.unit_id
    where r.day between ${firstMonth}::date and ${period.to}::date group by r.day
    union all
    select 'month', r.month, ${sums}, ${ecertPerUnit} from rollup_monthly r join units_of o on o.unit_id = r.unit_id
    where r.month between ${firstMonth}::date and ${lastMonth}::date group by r.month
    union all
    select 'before', null, ${sums}, null, null from rollup_monthly r join units_of o on o.unit_id = r.unit_id
    where r.month < ${firstMonth}::date
  `.execute(db)
  const days = new Map<LocalDate, RollupTotals>()
  const months = new Map<LocalDate, RollupTotals>()
  const ecertDays = new Map<LocalDate, Map<number, number>>()
  const ecertMonths = new Map<LocalDate, Map<number, number>>()
  let overdueBefore = 0
  for (const row of rows) {
    if (row.grain === 'before') {
      overdueBefore = Number(row[COLUMNS.overdueOpen] ?? 0)
    } else {
      const copies = row.ecert_unit_copies ?? []
      const ecertByUnit = new Map((row.ecert_unit_ids ?? []).map((id, i) => [Number(id), Number(copies[i])]))
      const date = row.date!
      if (row.grain === 'day') {
        days.set(date, toTotals(row))
        ecertDays.set(date, ecertByUnit)
      } else {
        months.set(date, toTotals(row))
        ecertMonths.set(date, ecertByUnit)
      }
    }
  }
  return { firstMonth, days, months, overdueBefore, ecertDays, ecertMonths }
}
