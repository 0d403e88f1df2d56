import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { RollupTotals } from '../../domain/indicators/rollup-totals.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import type { ScopeTotals, TotalsOptions } from './rollup.repository.js'

/**
 * The same sums as `totalsForScopes`, computed straight from the dossier table with a plain
 * aggregate. The product never calls it: it is the baseline of the benchmark and the
 * reference the property-based test holds the rollups to.
 */
export async function rawTotalsForScope(db: Kysely<Database>, scope: IndicatorScope, period: Period, options: TotalsOptions = {}): Promise<ScopeTotals> {
  const units =
    scope.scope === 'own'
      ? sql`select ${scope.unitId}::integer as unit_id`
      : sql`select descendant_id as unit_id from unit_closure where ancestor_id = ${scope.unitId}`
  const start = sql`(${period.from}::date::timestamp at time zone 'UTC') - interval '7 hours'`
  const end = sql`((${period.to}::date + 1)::timestamp at time zone 'UTC') - interval '7 hours'`
  const { rows } = await sql<Record<string, number | string | null>>`
    with d as (
      select d.*, pv.online_level,
        d.status in ('finished', 'returned') and d.finished_at is not null as completed,
        case when d.status in ('finished', 'returned', 'rejected', 'withdrawn') then d.finished_at end as ended_at
      from dossiers d join procedure_versions pv on pv.id = d.procedure_version_id
      where d.receiving_unit_id in (${units})
    )
    select
      count(*) filter (where received_at >= ${start} and received_at < ${end}) as received,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and online_level in ('full', 'partial')) as online_eligible,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and online_level in ('full', 'partial') and channel = 'online') as online,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and components_total > 0) as digitization_eligible,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and components_total > 0 and components_digitized = components_total) as fully_digitized,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and fee_vnd > 0) as fee_eligible,
      count(*) filter (where received_at >= ${start} and received_at < ${end} and fee_vnd > 0 and paid_online) as paid_online,
      coalesce(sum(ecert_copies) filter (where received_at >= ${start} and received_at < ${end}), 0) as ecert_copies,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end}) as finished,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end} and result_digitized) as result_digitized,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end} and (due_at is null or finished_at <= due_at)) as on_time,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end} and finished_at > due_at) as late,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end} and rating is not null) as rated,
      count(*) filter (where completed and finished_at >= ${start} and finished_at < ${end} and rating in ('satisfied', 'very_satisfied')) as satisfied,
      count(*) filter (where received_at < ${end} and due_at < ${end} and (ended_at is null or ended_at >= ${end})) as overdue_open
    from d
  `.execute(db)
  const row = rows[0] ?? {}
  const n = (key: string) => Number(row[key] ?? 0)
  const totals: RollupTotals = {
    received: n('received'), onlineEligible: n('online_eligible'), online: n('online'), digitizationEligible: n('digitization_eligible'),
    fullyDigitized: n('fully_digitized'), feeEligible: n('fee_eligible'), paidOnline: n('paid_online'), ecertCopies: n('ecert_copies'),
    finished: n('finished'), resultDigitized: n('result_digitized'), onTime: n('on_time'), late: n('late'), rated: n('rated'),
    satisfied: n('satisfied'), overdueOpen: n('overdue_open'),
  }
  const communesWithCopies = async (from: ReturnType<typeof sql>) => {
    const ecert = await sql<{ n: number }>`
      select count(*)::int as n from (
        select d.receiving_unit_id from dossiers d join units u on u.id = d.receiving_unit_id
        where d.receiving_unit_id in (${units}) and u.kind = 'commune' and d.received_at >= ${from} and d.received_at < ${end}
        group by d.receiving_unit_id having sum(d.ecert_copies) > 0
      ) x
    `.execute(db)
    return Number(ecert.rows[0]?.n ?? 0)
  }
  const since = options.ecertSince ? sql`(${options.ecertSince}::date::timestamp at time zone 'UTC') - interval '7 hours'` : sql`'-infinity'::timestamptz`
  return { totals, ecertUnits: await communesWithCopies(start), ecertUnitsToDate: await communesWithCopies(since) }
}
