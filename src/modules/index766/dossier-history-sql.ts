import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { dayNumberOf, workingDayOrdinals } from '../../domain/calendar/working-day-ordinals.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { addDays } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { dossierHistoryInputsOverWindows, type DossierHistoryInputs, type TimeWindow } from './dossier-history-inputs.js'
import { dossierSatisfactionKeptUnder } from './satisfaction-kept.js'
import { byRoot } from './scope-roots.js'
import { dossierScopesJoin, inAnyScope } from './scope-dossiers.js'

/*
 * 2.1, 2.2 and 5.4 judged in the database, set-wise: the same rules as `judgeOnTime21` and
 * `processingWorkingDays` (which `dossierHistoryInputsOverWindows` applies dossier by dossier in
 * JavaScript, and which stays the reference), written over the facts that decide them:
 * - a dossier's first result, return and refusal moments (the earliest of each kind; one that
 *   falls before the period's end is known then, whatever it came with);
 * - its supplement stretches (a request opens one unless one is open, the next "supplemented"
 *   closes it), cut at the moment it is judged;
 * - working-day arithmetic by the calendar's ordinals, passed in as arrays (`WorkingDayOrdinals`):
 *   working days between two days is a difference, adding n working days a look-up.
 * Only counts per (period, scope) leave the database: reading tens of thousands of dossiers and
 * events into JavaScript was the cost. Nothing is stored, so nothing can go stale: the answer is
 * computed from the rows and calendar of the moment (the figure cache keys it by data version).
 * A day before the calendar stretch (a dossier open for years) cannot be looked up: then the
 * JavaScript reference answers instead.
 */

/** Years of calendar before the first period: dossiers received earlier and still open are rare. */
const YEARS_BEFORE = 3

const day = (instant: RawBuilder<unknown>) => sql<number>`floor((extract(epoch from ${instant}) + 25200) / 86400)::int`
/** Working days of the calendar stretch up to and including a day. */
const ordinalOf = (dayNumber: RawBuilder<unknown>) => sql<number>`cal.ord[${dayNumber} - cal.first + 1]`

interface Row {
  w: number
  scope_id: number
  dossiers: number
  on_time: number
  finished: number
  processing_days: number
  satisfied: number
  before_calendar: boolean
}

/** `dossierHistoryInputsOverWindows`, judged in the database; the JavaScript reference when the calendar stretch is too short. */
export async function dossierHistoryInputsInDatabase(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Map<number, DossierHistoryInputs>[]> {
  const counted = await countHistories(db, calendar, scopeIds, windows)
  if (counted === null) return dossierHistoryInputsOverWindows(db, calendar, scopeIds, windows)
  const kept: Map<number, boolean>[] = []
  for (const w of windows) kept.push(await byRoot(db, scopeIds, (rootId) => dossierSatisfactionKeptUnder(db, rootId, w.end)))
  const byCell = new Map(counted.map((row) => [`${row.w}:${row.scope_id}`, row]))
  return windows.map(
    (_, w) =>
      new Map(
        scopeIds.map((id): [number, DossierHistoryInputs] => {
          const c = byCell.get(`${w}:${id}`)
          const n = (value: number | undefined) => Number(value ?? 0)
          return [
            id,
            {
              '2.1': { numerator: n(c?.on_time), denominator: n(c?.dossiers) },
              '2.2': { numerator: n(c?.processing_days), denominator: n(c?.finished) },
              '5.4': kept[w]!.get(id) === true ? { numerator: n(c?.satisfied), denominator: n(c?.dossiers) } : null,
            },
          ]
        }),
      ),
  )
}

/** The counts per (window, scope); null when some day needed lies before the calendar stretch. */
async function countHistories(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Row[] | null> {
  if (scopeIds.length === 0 || windows.length === 0) return []
  const first = new Date(Math.min(...windows.map((w) => w.start.getTime())))
  const last = new Date(Math.max(...windows.map((w) => w.end.getTime())))
  const fromDate = `${Number(toVietnamDate(first).slice(0, 4)) - YEARS_BEFORE}-01-01`
  // Up to the last period's end day: a deadline past it is met whatever happens after (see `due`).
  const cal = workingDayOrdinals(calendar, fromDate, addDays(toVietnamDate(last), 1))
  const win = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz, ${dayNumberOf(toVietnamDate(w.end))}::int)`))
  const judgedAt = sql`coalesce(p.ended_at, p.e)`
  // Known when the dossier is judged: up to its end, or before the period's end while open.
  const knownBy = (at: RawBuilder<unknown>) => sql<boolean>`(case when p.ended_at is not null then ${at} <= p.ended_at else ${at} < p.e end)`
  const isImport = sql`e.type in ('imported', 'status_synced')`
  const importedMoment = (key: string) => sql`case when jsonb_typeof(e.data -> ${sql.lit(key)}) = 'string' then (e.data ->> ${sql.lit(key)})::timestamptz end`
  const { rows } = await sql<Row>`
    with cal as (select ${cal.firstDay}::int as first, ${cal.ordinal}::int[] as ord, ${cal.working}::boolean[] as working, ${cal.dayOfOrdinal}::int[] as day_of),
    win (w, s, e, eday) as (values ${win}),
    d as materialized (
      select d.id, d.status, d.rating, d.receiving_unit_id, d.received_at, d.finished_at, d.due_at, pv.processing_days, pv.cutoff_time
      from dossiers d join procedure_versions pv on pv.id = d.procedure_version_id
      where ${inAnyScope(scopeIds)} and d.received_at < ${last} and (d.finished_at is null or d.finished_at >= ${first})
    ),
    ev as (
      select e.dossier_id,
        (array_agg(e.type order by e.seq))[1] as first_type,
        min(case when e.type = 'finish' then e.at
                 when ${isImport} and e.status_after in ('finished', 'returned') then coalesce(${importedMoment('finished_at')}, e.at) end) as result_at,
        min(case when e.type = 'return' then e.at
                 when ${isImport} and e.status_after in ('finished', 'returned') then ${importedMoment('returned_at')} end) as returned_at,
        min(case when e.type in ('reject', 'withdraw') then e.at
                 when ${isImport} and e.status_after in ('rejected', 'withdrawn') then coalesce(${importedMoment('finished_at')}, e.at) end) as refused_at
      from dossier_events e join d on d.id = e.dossier_id
      group by e.dossier_id
    ),
    supp as (
      select e.dossier_id, e.seq, e.type, e.at, lag(e.type) over (partition by e.dossier_id order by e.at, e.seq) as prev
      from dossier_events e join d on d.id = e.dossier_id
      where e.type in ('request_supplement', 'supplement_received')
    ),
    numbered as (
      select s.*, count(*) filter (where s.type = 'request_supplement' and s.prev is distinct from 'request_supplement')
        over (partition by s.dossier_id order by s.at, s.seq rows between unbounded preceding and current row) as stretch
      from supp s
    ),
    stretches as (
      select dossier_id, min(at) filter (where type = 'request_supplement') as from_at, min(at) filter (where type = 'supplement_received') as to_at
      from numbered where stretch > 0 group by dossier_id, stretch
    ),
    complaints as (
      select named.id, min(f.received_at) as first_at
      from feedback f
      join dossiers named on named.code = f.dossier_code
      join unit_closure fc on fc.descendant_id = named.receiving_unit_id and fc.ancestor_id = f.unit_id
      where f.received_at < ${last} and named.id in (select id from d)
      group by named.id
    ),
    p as materialized (
      select d.*, w.w, w.s, w.e, w.eday, ev.first_type,
        case when ev.result_at < w.e then ev.result_at when ev.returned_at < w.e then ev.returned_at when ev.refused_at < w.e then ev.refused_at end as ended_at
      from d join win w on d.received_at < w.e and (d.finished_at is null or d.finished_at >= w.s)
      left join ev on ev.dossier_id = d.id
    ),
    supplement_days as (
      select p.id, p.w,
        sum(case when st.to_at is not null and ${knownBy(sql`st.to_at`)} then ${ordinalOf(day(sql`st.to_at`))} else ${ordinalOf(day(judgedAt))} end - ${ordinalOf(day(sql`st.from_at`))})::int as days,
        bool_or(${day(sql`st.from_at`)} < cal.first) as before_calendar
      from p join stretches st on st.dossier_id = p.id cross join cal
      where ${knownBy(sql`st.from_at`)}
      group by p.id, p.w
    ),
    requests as (
      select p.id, p.w, count(*)::int as n
      from p join supp r on r.dossier_id = p.id
      where r.type = 'request_supplement' and ${knownBy(sql`r.at`)}
      group by p.id, p.w
    ),
    due as (
      select p.*, coalesce(sd.days, 0) as swd, coalesce(rq.n, 0) as requests, coalesce(sd.before_calendar, false) as stretch_before_calendar,
        ${day(sql`p.received_at`)} as rday,
        -- A desk dossier's deadline is the appointment made at receipt: 17:00 on the N-th working
        -- day after the effective receipt day (the next working day when received on a day off or
        -- at or after the cut-off). Past the calendar stretch: null, met whatever happens.
        case when p.first_type = 'receive' then cal.day_of[
          ${ordinalOf(day(sql`p.received_at`))}
          + case when cal.working[${day(sql`p.received_at`)} - cal.first + 1]
                  and (floor(extract(epoch from p.received_at) + 25200)::bigint % 86400)
                      < coalesce(split_part(p.cutoff_time, ':', 1)::int * 3600 + split_part(p.cutoff_time, ':', 2)::int * 60, 61200)
                 then 0 else 1 end
          + ceil(p.processing_days)::int]
        end as receipt_due_day
      from p cross join cal
      left join supplement_days sd on sd.id = p.id and sd.w = p.w
      left join requests rq on rq.id = p.id and rq.w = p.w
    ),
    deadline as (
      select due.*,
        case when first_type = 'receive' then
               case when receipt_due_day is not null then to_timestamp(receipt_due_day::bigint * 86400 + 36000) end
             else due_at end as due_instant,
        case when first_type = 'receive' then receipt_due_day else ${day(sql`due_at`)} end as due_day,
        first_type = 'receive' or due_at is not null as has_deadline
      from due
    ),
    judged as (
      select dl.*,
        case when swd = 0 then due_instant
             else due_instant + (cal.day_of[${ordinalOf(sql`dl.due_day`)} + swd] - due_day) * interval '24 hours' end as adjusted_due,
        (rday < cal.first or stretch_before_calendar or (swd > 0 and has_deadline and due_day < cal.first)) as before_calendar,
        finished_at < e and status in ('finished', 'returned') as has_result
      from deadline dl cross join cal
    ),
    verdicts as (
      select j.*,
        case when requests > 1 then false
             when not has_deadline then true
             -- a deadline past the calendar stretch lies after the period's end
             when adjusted_due is null then true
             else coalesce(j.ended_at, j.e) <= adjusted_due end as on_time,
        case when has_result then greatest(0, ${ordinalOf(day(sql`j.finished_at`))} - ${ordinalOf(sql`j.rday`)} - swd) else 0 end as days
      from judged j cross join cal
    )
    select d.w, scope.scope_id,
      count(*)::int as dossiers,
      (count(*) filter (where d.on_time))::int as on_time,
      (count(*) filter (where d.has_result))::int as finished,
      coalesce(sum(d.days), 0)::int as processing_days,
      (count(*) filter (where d.on_time and d.rating is distinct from 'dissatisfied' and not coalesce(c.first_at < d.e, false)))::int as satisfied,
      bool_or(d.before_calendar) as before_calendar
    from verdicts d
    ${dossierScopesJoin(scopeIds)}
    left join complaints c on c.id = d.id
    group by d.w, scope.scope_id
  `.execute(db)
  return rows.some((row) => row.before_calendar) ? null : rows
}
