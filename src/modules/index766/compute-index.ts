import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { chooseFormulaSet } from '../../domain/index766/choose-formula-set.js'
import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import { formulaSetAppliesOn, type FormulaSet } from '../../domain/index766/formula-set.js'
import { parseIndexPeriod, type IndexPeriod } from '../../domain/index766/index-period.js'
import { scoreUnit, type Fraction, type UnitInputs, type UnitScore } from '../../domain/index766/score-unit.js'
import { whatIf, type WhatIfOption } from '../../domain/index766/what-if.js'
import { addDays } from '../../domain/time/local-date.js'
import { startOfVietnamDay } from '../../domain/time/vietnam-time.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { getUnitByCode } from '../indicators/get-indicators.js'
import { dossierFlagInputs } from './dossier-flag-inputs.js'
import { dossierHistoryInputs } from './dossier-history-inputs.js'
import { digitizationInput } from './digitization-inputs.js'
import { fullOnlineInput } from './online-inputs.js'
import { paymentInputs } from './payment-inputs.js'
import { feedbackInputs } from './feedback-inputs.js'
import { publicationInputs } from './publication-inputs.js'
import { totalsForScopes } from '../indicators/rollup.repository.js'

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

async function communesManaged(db: Kysely<Database>, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.descendant_id')
    .where('c.ancestor_id', '=', unitId)
    .where('u.kind', '=', 'commune')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * The inputs motcua has for a unit (its whole subtree) and period; an input no data in scope
 * speaks to stays null: 1.x, 3.5 (its part B), 4.x flags and 5.x when nothing in scope carries
 * the facts they need. 2.1, 2.2 and 5.4 come from the dossiers' histories.
 */
export async function indexInputs(db: Kysely<Database>, unitId: number, from: string, to: string, calendar?: WorkingCalendar): Promise<UnitInputs> {
  calendar ??= await loadWorkingCalendar(db)
  const totals = (await totalsForScopes(db, [{ key: 'u', unitId, scope: 'subtree' }], { from, to })).get('u')!
  const start = startOfVietnamDay(from)
  const end = startOfVietnamDay(addDays(to, 1))
  const t = totals.totals
  const publication = await publicationInputs(db, calendar, unitId, from, to, end)
  const flags = await dossierFlagInputs(db, unitId, start, end)
  const feedback = await feedbackInputs(db, calendar, unitId, start, end)
  const history = await dossierHistoryInputs(db, calendar, unitId, start, end)
  return {
    '1.1': publication['1.1'],
    '1.2': publication['1.2'],
    '1.3': publication['1.3'],
    '1.4': flags['1.4'],
    '2.1': history['2.1'],
    '2.2': history['2.2'],
    '3.x': await fullOnlineInput(db, unitId, start, end),
    '3.6': fraction(t.paidOnline, t.feeEligible),
    '3.5': await paymentInputs(db, unitId, start, end),
    '4.1': flags['4.1'],
    '4.2': await digitizationInput(db, unitId, start, end),
    '4.ct': fraction(totals.ecertUnits, await communesManaged(db, unitId)),
    '4.3': flags['4.3'],
    '4.4': flags['4.4'],
    '4.5a': publication['4.5a'],
    '4.5b': flags['4.5b'],
    '5.1': feedback['5.1'],
    '5.2': feedback['5.2'],
    '5.3': feedback['5.3'],
    '5.4': history['5.4'],
  }
}

export interface IndexRequest {
  unitCode: string
  period: string
  formulaSet?: FormulaSet
}

/** The Decision 766 score of a unit for a quarter, month or year, with what it rests on. */
export async function computeIndex(db: Kysely<Database>, request: IndexRequest): Promise<IndexReport> {
  const period = parseIndexPeriod(request.period)
  const unit = await getUnitByCode(db, request.unitCode)
  // The set in force for the whole period; a period none covers is scored with the default set and says so.
  const set = request.formulaSet ?? chooseFormulaSet(period).set ?? DEFAULT_FORMULA_SET
  const inputs = await indexInputs(db, unit.id, period.from, period.to)
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
