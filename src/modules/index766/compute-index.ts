import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { chooseFormulaSet } from '../../domain/index766/choose-formula-set.js'
import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import { formulaSetAppliesOn, type FormulaSet } from '../../domain/index766/formula-set.js'
import { parseIndexPeriod, type IndexPeriod } from '../../domain/index766/index-period.js'
import { scoreUnit, type Fraction, type PaymentInput, type UnitInputs, type UnitScore } from '../../domain/index766/score-unit.js'
import { whatIf, type WhatIfOption } from '../../domain/index766/what-if.js'
import { addDays } from '../../domain/time/local-date.js'
import { startOfVietnamDay } from '../../domain/time/vietnam-time.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { dossierFlagInputsOverWindows, flagInputsFromCounts, type DossierFlagInputs } from './dossier-flag-inputs.js'
import { monthCountsFromPartials, type MonthCounts } from './month-partials.js'
import { perWindow, windowsSpan } from './time-windows.js'
import type { DossierHistoryInputs } from './dossier-history-inputs.js'
import { dossierHistoryInputsInDatabase } from './dossier-history-sql.js'
import { digitizationInputOverWindows } from './digitization-inputs.js'
import { fullOnlineInputOverWindows } from './online-inputs.js'
import { paymentInputsOverWindows } from './payment-inputs.js'
import { feedbackInputsOverWindows, type FeedbackInputs } from './feedback-inputs.js'
import { publicationInputsOf, publicationVersions, type PublicationInputs, type VersionRow } from './publication-inputs.js'
import { totalsForScopes } from '../indicators/rollup.repository.js'
import { getUnitByCode } from '../units/units.repository.js'
import { communesOnTreeDay, processingUnitColumn, type IndexScopeOptions } from './index-scope.js'
import { treeDayOf, type TreeBasis } from '../../domain/units/unit-validity.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import type { Attribution } from '../indicators/rollup.repository.js'

export interface IndexReport {
  unit_code: string
  unit_name: string
  period: IndexPeriod
  /** False when the period lies outside the formula set's validity: scored anyway, and said. */
  formula_set_applies: boolean
  /** Where each filled input comes from, and what it only approximates. */
  sources: Record<string, string>
  score: UnitScore
  what_if: WhatIfOption[]
}

/**
 * What motcua can say about each input, and how closely. An input is null ("chưa có dữ liệu")
 * when no item in the scope and period carries the facts it needs: the optional columns of
 * dossiers.csv and procedures.csv, feedback.csv or the API (docs/INTERCHANGE-EXTENSIONS.md).
 */
const SOURCES: Record<string, string> = {
  '1.1': 'công bố TTHC: quyết định công bố ban hành chậm nhất 5 ngày làm việc trước ngày văn bản QPPL có hiệu lực / TTHC có văn bản QPPL có hiệu lực trong kỳ (chỉ TTHC có đủ ngày quyết định và ngày hiệu lực)',
  '1.2': 'cập nhật, công khai TTHC trên CSDL quốc gia trong 5 ngày làm việc kể từ ngày quyết định công bố / TTHC có quyết định công bố trong kỳ (chỉ TTHC có ngày cập nhật)',
  '1.3': 'TTHC đang có hiệu lực đã công khai đến cuối kỳ, công khai đầy đủ các bộ phận / TTHC đã công khai có thông tin này',
  '1.4': 'hồ sơ tiếp nhận trong kỳ đã đồng bộ lên Cổng DVC quốc gia / hồ sơ tiếp nhận trong kỳ có thông tin đồng bộ',
  '2.1': 'hồ sơ và lịch sử xử lý: kết thúc ở sự kiện kết thúc đầu tiên, trừ thời gian chờ bổ sung, bổ sung từ 2 lần là trễ hạn, hồ sơ chưa kết thúc xét tại cuối kỳ',
  '2.2': 'tổng số ngày làm việc từ ngày tiếp nhận đến ngày có kết quả (trừ thời gian chờ bổ sung) / số hồ sơ có kết quả trong kỳ; chỉ theo dõi',
  '3.x': 'hồ sơ trực tuyến của TTHC trực tuyến toàn trình / hồ sơ tiếp nhận trong kỳ của các TTHC này (khác tỷ lệ hồ sơ trực tuyến của bảng điều hành, tính cả TTHC một phần)',
  '3.6': 'tỷ lệ thanh toán trực tuyến (hồ sơ có phí, lệ phí)',
  '3.5': 'TTHC có phí, lệ phí (phiên bản hiện hành cuối kỳ, cấp của đơn vị và cấp dưới): B = TTHC đã tích hợp thanh toán trực tuyến / TTHC có thông tin tích hợp (chưa có dữ liệu khi không TTHC nào có); C = TTHC có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ (theo ngày nộp phí, không có thì ngày tiếp nhận) / TTHC có phí, lệ phí',
  '4.1': 'hồ sơ có kết quả trong kỳ, kết quả là bản giấy, đã cấp kết quả điện tử / hồ sơ có kết quả bản giấy có thông tin này',
  '4.2': 'hồ sơ tiếp nhận trong kỳ đã số hóa đủ thành phần và, khi đã có kết quả, số hóa cả kết quả / hồ sơ tiếp nhận trong kỳ có thành phần',
  '4.ct': 'số xã có chứng thực bản sao điện tử trong kỳ / số xã thuộc đơn vị',
  '4.3': 'hồ sơ tiếp nhận trong kỳ có thành phần tái sử dụng dữ liệu số hóa / hồ sơ tiếp nhận trong kỳ có thông tin này',
  '4.4': 'hồ sơ tiếp nhận trong kỳ gắn với kho dữ liệu cá nhân / hồ sơ tiếp nhận trong kỳ có thông tin này',
  '4.5a': 'TTHC đang có hiệu lực cuối kỳ khai thác dữ liệu dân cư / TTHC có thông tin này',
  '4.5b': 'hồ sơ tiếp nhận trong kỳ khai thác dữ liệu dân cư, tài khoản VNeID / hồ sơ tiếp nhận trong kỳ có thông tin này',
  '5.1': 'phản ánh, kiến nghị tiếp nhận trong kỳ đã phân loại (quy định hoặc hành vi) đến cuối kỳ / phản ánh tiếp nhận trong kỳ',
  '5.2': 'phản ánh, kiến nghị xử lý đúng hạn (từ chối ≤ 2, yêu cầu bổ sung ≤ 5, xử lý ≤ 15, công khai ≤ 2 ngày làm việc), phản ánh chưa kết thúc xét tại cuối kỳ / phản ánh tiếp nhận đến cuối kỳ chưa kết thúc trước kỳ',
  '5.3': 'phản ánh, kiến nghị không trễ hạn, không bị phản hồi không hài lòng, không lặp lại / cùng mẫu số với 5.2',
  '5.4': 'hồ sơ không bị đánh giá không hài lòng, không bị phản ánh, kiến nghị (mã hồ sơ trong phản ánh tiếp nhận đến cuối kỳ), không trễ hạn theo cách tính 2.1 / cùng mẫu số với 2.1 (hồ sơ tiếp nhận đến cuối kỳ chưa kết thúc trước kỳ, không chỉ hồ sơ có đánh giá); chưa có dữ liệu khi tỉnh chưa có đánh giá hồ sơ hay phản ánh nào',
}

const fraction = (numerator: number, denominator: number): Fraction => ({ numerator, denominator })

/**
 * The inputs motcua has for a unit (its whole subtree) and period; an input no data in scope
 * speaks to stays null: 1.x, 3.5 (its part B), 4.x flags and 5.x when nothing in scope carries
 * the facts they need. 2.1, 2.2 and 5.4 come from the dossiers' histories.
 */
export async function indexInputs(db: Kysely<Database>, unitId: number, from: string, to: string, calendar?: WorkingCalendar, options: IndexScopeOptions = {}): Promise<UnitInputs> {
  return (await indexInputsOfScopes(db, [unitId], from, to, calendar, options)).get(unitId)!
}

/**
 * `indexInputs` for several units at once (a district and its communes): each query reads the
 * dossiers of all the scopes once, grouped by scope, instead of once per unit.
 */
export async function indexInputsOfScopes(db: Kysely<Database>, scopeIds: readonly number[], from: string, to: string, calendar?: WorkingCalendar, options: IndexScopeOptions = {}): Promise<Map<number, UnitInputs>> {
  return (await indexInputsOverPeriods(db, scopeIds, [{ from, to }], calendar, undefined, options))[0]!
}

/**
 * `indexInputsOfScopes` for several periods (a trend): the dossiers' histories and every input
 * read from the dossiers pass over them once for all the periods; the rest (rollups, publication)
 * is asked period by period. A period may name the scopes wanted for it (a subset of `scopeIds`;
 * default all): only those are in its answer. `signal` stops it between periods when nobody wants
 * the answer any more.
 */
export async function indexInputsOverPeriods(
  db: Kysely<Database>,
  scopeIds: readonly number[],
  periods: readonly { from: string; to: string; scopeIds?: readonly number[] }[],
  calendar?: WorkingCalendar,
  signal?: AbortSignal,
  options: IndexScopeOptions = {},
): Promise<Map<number, UnitInputs>[]> {
  if (periods.length === 0) return []
  calendar ??= await loadWorkingCalendar(db)
  const windows = periods.map(({ from, to }) => ({ start: startOfVietnamDay(from), end: startOfVietnamDay(addDays(to, 1)) }))
  const histories = await dossierHistoryInputsInDatabase(db, calendar, scopeIds, windows, options.attribution)
  const kinds = new Map((await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', scopeIds).execute()).map((u) => [Number(u.id), u.kind]))
  // A tree fixed by the request counts the communes once for every period; else each period's own.
  const fixedCommunes = options.treeDay === undefined ? null : await communesOnTreeDay(db, scopeIds, options.treeDay)
  // The inputs read from the dossiers: every period in one pass each.
  // Months, quarters and years from the counts kept per unit and month (month-partials.ts); other periods from the dossiers.
  const byReceiver = await monthCountsFromPartials(db, scopeIds, windows, 'receiving_unit_id')
  const byDecider = options.attribution === 'decider' ? await monthCountsFromPartials(db, scopeIds, windows, processingUnitColumn(options.attribution)) : byReceiver
  const fractionOf = (numerator: keyof MonthCounts, denominator: keyof MonthCounts) => (row: MonthCounts | undefined): Fraction => ({ numerator: Number(row?.[numerator] ?? 0), denominator: Number(row?.[denominator] ?? 0) })
  const read: DossierReads = {
    flags: byReceiver && byDecider ? flagInputsFromCounts(windows, scopeIds, byReceiver, byDecider) : await dossierFlagInputsOverWindows(db, scopeIds, windows, options.attribution),
    online: byReceiver ? perWindow(windows, scopeIds, byReceiver, fractionOf('online', 'online_eligible')) : await fullOnlineInputOverWindows(db, scopeIds, windows),
    payment: await paymentInputsOverWindows(db, scopeIds, windows),
    digitization: byReceiver ? perWindow(windows, scopeIds, byReceiver, fractionOf('digitized', 'digitization_eligible')) : await digitizationInputOverWindows(db, scopeIds, windows),
    feedback: await feedbackInputsOverWindows(db, calendar, scopeIds, windows),
  }
  // The procedure versions of each kind of unit read once, up to the last period's end; each period keeps those known by its own.
  const last = windowsSpan(windows).end
  const versionsByKind = new Map<string, VersionRow[]>()
  const publication = async (kind: string, from: string, to: string, end: Date) => {
    if (!versionsByKind.has(kind)) versionsByKind.set(kind, await publicationVersions(db, kind, last))
    return publicationInputsOf(calendar, versionsByKind.get(kind)!, from, to, end)
  }
  const result: Map<number, UnitInputs>[] = []
  for (const [p, { from, to, scopeIds: wanted }] of periods.entries()) {
    signal?.throwIfAborted()
    const { start, end } = windows[p]!
    const communes = fixedCommunes ?? (await communesOnTreeDay(db, scopeIds, to))
    result.push(await otherInputs(db, wanted ?? scopeIds, kinds, communes, histories[p]!, read, p, { from, to, start, end }, options, publication))
  }
  return result
}

/** The inputs read from the dossiers for every period at once, by period. */
interface DossierReads {
  flags: Map<number, DossierFlagInputs>[]
  online: Map<number, Fraction>[]
  payment: Map<number, PaymentInput>[]
  digitization: Map<number, Fraction>[]
  feedback: Map<number, FeedbackInputs>[]
}

/** Every input of one period: the histories' and the dossiers' as read for all periods, the rollups', publication and feedback for this one. */
async function otherInputs(
  db: Kysely<Database>,
  scopeIds: readonly number[],
  kinds: Map<number, string>,
  communes: Map<number, number>,
  history: Map<number, DossierHistoryInputs>,
  read: DossierReads,
  p: number,
  period: { from: string; to: string; start: Date; end: Date },
  options: IndexScopeOptions,
  publication: (kind: string, from: string, to: string, end: Date) => Promise<PublicationInputs>,
): Promise<Map<number, UnitInputs>> {
  const { from, to, end } = period
  const allTotals = await totalsForScopes(db, scopeIds.map((id) => ({ key: String(id), unitId: id, scope: 'subtree' as const })), { from, to }, { treeDay: options.treeDay, attribution: options.attribution })
  // Publication is about the procedures a level answers for: one answer per kind of unit.
  const publicationByKind = new Map<string, PublicationInputs>()
  for (const id of scopeIds) {
    const kind = kinds.get(id)!
    if (!publicationByKind.has(kind)) publicationByKind.set(kind, await publication(kind, from, to, end))
  }
  const flags = read.flags[p]!
  const feedback = read.feedback[p]!
  const online = read.online[p]!
  const payment = read.payment[p]!
  const digitization = read.digitization[p]!
  return new Map(
    scopeIds.map((id): [number, UnitInputs] => {
      const totals = allTotals.get(String(id))!
      const t = totals.totals
      const publication = publicationByKind.get(kinds.get(id)!)!
      const f = flags.get(id)!
      const h = history.get(id)!
      const fb = feedback.get(id)!
      const inputs: UnitInputs = {
        '1.1': publication['1.1'],
        '1.2': publication['1.2'],
        '1.3': publication['1.3'],
        '1.4': f['1.4'],
        '2.1': h['2.1'],
        '2.2': h['2.2'],
        '3.x': online.get(id)!,
        '3.6': fraction(t.paidOnline, t.feeEligible),
        '3.5': payment.get(id)!,
        '4.1': f['4.1'],
        '4.2': digitization.get(id)!,
        '4.ct': fraction(totals.ecertUnits, communes.get(id) ?? 0),
        '4.3': f['4.3'],
        '4.4': f['4.4'],
        '4.5a': publication['4.5a'],
        '4.5b': f['4.5b'],
        '5.1': fb['5.1'],
        '5.2': fb['5.2'],
        '5.3': fb['5.3'],
        '5.4': h['5.4'],
      }
      return [id, inputs]
    }),
  )
}

export interface IndexRequest {
  unitCode: string
  period: string
  formulaSet?: FormulaSet
  /** Which tree counts the communes (4.ct): the period's (default) or today's ("theo đơn vị hiện nay"). */
  tree?: TreeBasis | undefined
  /** Processing and lateness at the receiving unit (default) or at the deciding one. */
  attribution?: Attribution | undefined
}

/** The scope options of a request: its tree's day (the period's last day, or today) and attribution. */
export function indexScopeOptionsOf(request: Pick<IndexRequest, 'tree' | 'attribution'>, period: { to: string }): IndexScopeOptions & { treeDay: string } {
  return { treeDay: treeDayOf(period, request.tree ?? 'period', toVietnamDate(new Date())), attribution: request.attribution }
}

/** The Decision 766 score of a unit for a quarter, month or year, with what it rests on. */
export async function computeIndex(db: Kysely<Database>, request: IndexRequest): Promise<IndexReport> {
  const period = parseIndexPeriod(request.period)
  const unit = await getUnitByCode(db, request.unitCode)
  // The set in force for the whole period; a period none covers is scored with the default set and says so.
  const set = request.formulaSet ?? chooseFormulaSet(period).set ?? DEFAULT_FORMULA_SET
  return indexReportOf(unit, period, set, await indexInputs(db, unit.id, period.from, period.to, undefined, indexScopeOptionsOf(request, period)))
}

/** The report of a unit's inputs for a period: the score, its sources, what would raise it. */
export function indexReportOf(unit: { code: string; name: string }, period: IndexPeriod, set: FormulaSet, inputs: UnitInputs): IndexReport {
  return {
    unit_code: unit.code,
    unit_name: unit.name,
    period,
    formula_set_applies: formulaSetAppliesOn(set, period.from) && formulaSetAppliesOn(set, period.to),
    sources: Object.fromEntries(Object.entries(SOURCES).filter(([id]) => inputs[id] != null)),
    score: scoreUnit(set, inputs),
    what_if: whatIf(set, inputs),
  }
}
