import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { workingDayOrdinals } from '../../domain/calendar/working-day-ordinals.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { addDays } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { dossierHistoryInputsOverWindows, type DossierHistoryInputs, type TimeWindow } from './dossier-history-inputs.js'
import { dossierSatisfactionKeptAt } from './satisfaction-kept.js'
import { byRoot } from './scope-roots.js'
import { dossierScopes, dossierShare, inAnyScope, placementScopesJoin, type DossierUnitColumn } from './scope-dossiers.js'
import { processingUnitColumn } from './index-scope.js'
import { historyCountsFromPartials } from './history-partials.js'
import type { Attribution } from '../indicators/rollup.repository.js'

/*
 * 2.1, 2.2 and 5.4 judged in the database, set-wise: the same rules as `judgeOnTime21` and
 * `processingWorkingDays` (which `dossierHistoryInputsOverWindows` applies dossier by dossier in
 * JavaScript, and which stays the reference), written over the facts that decide them:
 * - a dossier's first result, return and refusal moments (the earliest of each kind; one that
 *   falls before the period's end is known then, whatever it came with) and its supplement
 *   stretches, kept per dossier in `dossier_history_facts` (migration 028, in the writer's
 *   transaction), cut here at the moment it is judged;
 * - working-day arithmetic by the calendar's ordinals, passed in as arrays (`WorkingDayOrdinals`):
 *   working days between two days is a difference, adding n working days a look-up.
 * Only counts per (period, scope) leave the database: reading tens of thousands of dossiers and
 * events into JavaScript was the cost. The facts hold no calendar, so a calendar edit needs no
 * recomputation: the ordinals are those of the calendar loaded for the question.
 * A day before the calendar stretch (a dossier open for years) cannot be looked up: then the
 * JavaScript reference answers instead.
 */

/** Years of calendar before the first period: dossiers received earlier and still open are rare. */
export const YEARS_BEFORE = 3

const day = (instant: RawBuilder<unknown>) => sql<number>`floor((date_part('epoch', ${instant}) + 25200) / 86400)::int`
/** Working days of the calendar stretch up to and including a day. */
const ordinalOf = (dayNumber: RawBuilder<unknown>) => sql<number>`cal.ord[${dayNumber} - cal.first + 1]`

/** What the judgement counts for one (window, scope). */
export interface HistoryCounts {
  w: number
  scope_id: number
  dossiers: number
  on_time: number
  finished: number
  processing_days: number
  satisfied: number
  before_calendar: boolean
}

/**
 * What 2.1, 2.2 and 5.4 count of a group of judged dossiers (`verdicts d`, `complaints c`): one
 * definition for the answer over the dossiers and the partial results kept per month.
 */
export const VERDICT_COUNTS = sql`count(*)::int as dossiers,
        (count(*) filter (where d.on_time))::int as on_time,
        (count(*) filter (where d.has_result))::int as finished,
        coalesce(sum(d.days), 0)::int as processing_days,
        (count(*) filter (where d.on_time and d.rating is distinct from 'dissatisfied' and not coalesce(c.first_at < d.e, false)))::int as satisfied,
        bool_or(d.before_calendar) as before_calendar`

/** `dossierHistoryInputsOverWindows`, judged in the database; the JavaScript reference when the calendar stretch is too short. */
export async function dossierHistoryInputsInDatabase(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  scopeIds: readonly number[],
  windows: readonly TimeWindow[],
  attribution?: Attribution,
): Promise<Map<number, DossierHistoryInputs>[]> {
  // Kept partial results when the periods are months, quarters or years; else the judgement over the dossiers.
  const counted = (await historyCountsFromPartials(db, calendar, scopeIds, windows, attribution)) ?? (await countHistories(db, calendar, scopeIds, windows, attribution))
  if (counted === null) return dossierHistoryInputsOverWindows(db, calendar, scopeIds, windows, attribution)
  // Whether each scope's province keeps satisfaction at each period's end: one question per province.
  const keptAt = await byRoot(db, scopeIds, (rootId) => dossierSatisfactionKeptAt(db, rootId, windows.map((w) => w.end)))
  const kept = windows.map((_, w) => new Map([...keptAt].map(([id, flags]) => [id, flags[w]!])))
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
async function countHistories(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], windows: readonly TimeWindow[], attribution: Attribution | undefined): Promise<HistoryCounts[] | null> {
  // Judged where the dossiers are processed: the receiver, or asked by the decider the decider.
  const unitColumn = processingUnitColumn(attribution)
  if (scopeIds.length === 0 || windows.length === 0) return []
  // A split unit's dossier named to another successor is counted apart from its unit's others (scope-dossiers.ts).
  const scopes = await dossierScopes(db, scopeIds)
  const judged = judgedDossiersSql(calendar, windows, unitColumn, dossierShare(scopes, unitColumn), inAnyScope(scopes, unitColumn))
  const { rows } = await sql<HistoryCounts>`
    ${judged},
    by_unit as (
      select d.w, d.receiving_unit_id, d.share_heir_id,
        ${VERDICT_COUNTS}
      from verdicts d
      left join complaints c on c.id = d.id
      group by d.w, d.receiving_unit_id, d.share_heir_id
    )
    -- Counted per receiving unit (and successor named by a split) first, then added up into each scope it belongs to.
    select d.w, scope.scope_id, sum(d.dossiers)::int as dossiers, sum(d.on_time)::int as on_time, sum(d.finished)::int as finished,
      sum(d.processing_days)::int as processing_days, sum(d.satisfied)::int as satisfied, bool_or(d.before_calendar) as before_calendar
    from by_unit d
    ${placementScopesJoin(scopes, sql`d.receiving_unit_id`, sql`d.share_heir_id`)}
    group by d.w, scope.scope_id
  `.execute(db)
  return rows.some((row) => row.before_calendar) ? null : rows
}


/**
 * The judgement as SQL: `with` items ending in \`verdicts\` (one row per dossier and window it
 * belongs to — received by the window's end, not finished before its start — with its unit, the
 * successor a split named it to, on_time, has_result, days and before_calendar) and
 * \`complaints\` (each dossier's first feedback item naming it). `where` picks the dossiers `d`.
 */
export function judgedDossiersSql(
  calendar: WorkingCalendar,
  windows: readonly TimeWindow[],
  unitColumn: DossierUnitColumn,
  share: { join: RawBuilder<unknown>; heirId: RawBuilder<unknown> },
  where: RawBuilder<boolean>,
): RawBuilder<unknown> {
  const first = new Date(Math.min(...windows.map((w) => w.start.getTime())))
  const last = new Date(Math.max(...windows.map((w) => w.end.getTime())))
  const fromDate = `${Number(toVietnamDate(first).slice(0, 4)) - YEARS_BEFORE}-01-01`
  // Up to the last period's end day: a deadline past it is met whatever happens after (see `due`).
  const cal = workingDayOrdinals(calendar, fromDate, addDays(toVietnamDate(last), 1))
  const win = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz)`))
  const judgedAt = sql`coalesce(p.ended_at, p.e)`
  // Known when the dossier is judged: up to its end, or before the period's end while open.
  const knownBy = (at: RawBuilder<unknown>) => sql<boolean>`(case when p.ended_at is not null then ${at} <= p.ended_at else ${at} < p.e end)`
  return sql`
    with cal as (select ${cal.firstDay}::int as first, ${cal.ordinal}::int[] as ord, ${cal.working}::boolean[] as working, ${cal.dayOfOrdinal}::int[] as day_of),
    win (w, s, e) as (values ${win}),
    complaints as (
      select named.id, min(f.received_at) as first_at
      from feedback f
      join dossiers named on named.code = f.dossier_code
      -- against a dossier of the item's unit, a unit below it, or one they succeeded
      join unit_closure fc on fc.ancestor_id = f.unit_id
      join unit_heirs fh on fh.heir_id = fc.descendant_id and fh.unit_id = named.receiving_unit_id
      where f.received_at < ${last} and named.id in (select d.id from dossiers d where ${where})
      group by named.id
    ),
    p as (
      -- by the decider, the deciding unit stands where the receiving one does: the scopes follow it
      select d.id, d.status, d.rating, ${sql.ref(`d.${unitColumn}`)} as receiving_unit_id, d.received_at, d.finished_at, d.due_at, pv.processing_days, pv.cutoff_time,
        ${share.heirId} as share_heir_id, w.w, w.e, f.first_type, f.requests, f.stretch_from, f.stretch_to,
        case when f.result_at < w.e then f.result_at when f.returned_at < w.e then f.returned_at when f.refused_at < w.e then f.refused_at end as ended_at
      from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id
      join win w on d.received_at < w.e and (d.finished_at is null or d.finished_at >= w.s)
      left join dossier_history_facts f on f.dossier_id = d.id
      ${share.join}
      where ${where} and d.received_at < ${last} and (d.finished_at is null or d.finished_at >= ${first})
      offset 0
    ),
    supplements as (
      select p.*, ${day(sql`p.received_at`)} as rday,
        case when p.requests is null then 0 else (select count(*)::int from unnest(p.requests) as r(at) where ${knownBy(sql`r.at`)}) end as requests_known,
        -- The applicant's stretches known by then, an open one closed at the judged moment.
        case when p.stretch_from is null then 0 else (
          select coalesce(sum(case when s.to_at is not null and ${knownBy(sql`s.to_at`)} then ${ordinalOf(day(sql`s.to_at`))} else ${ordinalOf(day(judgedAt))} end - ${ordinalOf(day(sql`s.from_at`))}), 0)::int
          from unnest(p.stretch_from, p.stretch_to) as s(from_at, to_at) where ${knownBy(sql`s.from_at`)}
        ) end as swd,
        coalesce(${day(sql`p.stretch_from[1]`)} < cal.first, false) as stretch_before_calendar
      from p cross join cal offset 0
    ),
    due as (
      select p.*,
        -- A desk dossier's deadline is the appointment made at receipt: 17:00 on the N-th working
        -- day after the effective receipt day (the next working day when received on a day off or
        -- at or after the cut-off). Past the calendar stretch: null, met whatever happens.
        case when p.first_type = 'receive' then cal.day_of[
          ${ordinalOf(sql`p.rday`)}
          + case when cal.working[p.rday - cal.first + 1]
                  and (floor(date_part('epoch', p.received_at) + 25200)::bigint % 86400)
                      < coalesce(split_part(p.cutoff_time, ':', 1)::int * 3600 + split_part(p.cutoff_time, ':', 2)::int * 60, 61200)
                 then 0 else 1 end
          + ceil(p.processing_days)::int]
        end as receipt_due_day
      from supplements p cross join cal offset 0
    ),
    deadline as (
      select due.*,
        case when first_type = 'receive' then
               case when receipt_due_day is not null then to_timestamp(receipt_due_day::bigint * 86400 + 36000) end
             else due_at end as due_instant,
        case when first_type = 'receive' then receipt_due_day else ${day(sql`due_at`)} end as due_day,
        coalesce(first_type = 'receive', false) or due_at is not null as has_deadline
      from due offset 0
    ),
    judged as (
      select dl.*,
        case when swd = 0 then due_instant
             else due_instant + (cal.day_of[${ordinalOf(sql`dl.due_day`)} + swd] - due_day) * interval '24 hours' end as adjusted_due,
        (rday < cal.first or stretch_before_calendar or (swd > 0 and has_deadline and due_day < cal.first)) as before_calendar,
        finished_at < e and status in ('finished', 'returned') as has_result
      from deadline dl cross join cal offset 0
    ),
    verdicts as (
      select j.*,
        case when requests_known > 1 then false
             when not has_deadline then true
             -- a deadline past the calendar stretch lies after the period's end
             when adjusted_due is null then true
             else coalesce(j.ended_at, j.e) <= adjusted_due end as on_time,
        case when has_result then greatest(0, ${ordinalOf(day(sql`j.finished_at`))} - ${ordinalOf(sql`j.rday`)} - swd) else 0 end as days
      from judged j cross join cal offset 0
    )`
}
