import { buildDemoUnits, TU_KY_CODE, TU_KY_COMMUNE_NAMES, tuKyCommuneCode } from '../../src/modules/demo/demo-units.js'
import { DOSSIER_HEADER } from './files.js'

/*
 * Data sets that reproduce the figures of Tứ Kỳ's letters (the seeds 000, 001 and 002), built in
 * code, row by row, as plain objects: the tests write them as interchange files, import them,
 * and count the same rows again with filter() to know what the indicators must say.
 *
 * Every time is written in Vietnam time (+07:00) on a working day between 06:45 and 16:59, and
 * every dossier has an explicit due date, so nothing here depends on the working-day calendar.
 */

export const DISTRICT_CODE = TU_KY_CODE

/** Tỉnh Hải Dương, Huyện Tứ Kỳ and its 23 communes, with the demo's names and codes. */
export const LETTER_UNITS = buildDemoUnits().filter(
  (u) => u.code === 'H23' || u.code === TU_KY_CODE || (u.parentCode === TU_KY_CODE && u.kind === 'commune'),
)

/** Tứ Kỳ's communes as the letters name them ("An Thanh", "Thị trấn Tứ Kỳ"), with code and full name. */
export const COMMUNES: readonly { short: string; name: string; code: string }[] = TU_KY_COMMUNE_NAMES.map((name) => ({
  short: name.replace(/^Xã /, ''),
  name,
  code: tuKyCommuneCode(name),
}))

export function communeCode(short: string): string {
  return tuKyCommuneCode(short)
}

export function communeShortName(code: string): string {
  const commune = COMMUNES.find((c) => c.code === code)
  if (!commune) throw new Error(`no commune ${code}`)
  return commune.short
}

export interface LetterProcedure {
  code: string
  name: string
  field: string
  level: 'commune' | 'district'
  onlineLevel: 'full' | 'partial' | 'none'
  processingDays: number
  feeVnd: number
}

export const BIRTH = '1.001193'
export const CERTIFIED_COPY = '2.000815'
export const HOUSEHOLD_BUSINESS = '1.001612'

export const LETTER_PROCEDURES: readonly LetterProcedure[] = [
  { code: BIRTH, name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 0, feeVnd: 0 },
  { code: CERTIFIED_COPY, name: 'Thủ tục chứng thực bản sao từ bản chính', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 2000 },
  {
    code: HOUSEHOLD_BUSINESS,
    name: 'Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'district',
    onlineLevel: 'full',
    processingDays: 3,
    feeVnd: 100000,
  },
]

export interface LetterDossier {
  code: string
  unitCode: string
  procedureCode: string
  channel: 'online' | 'direct'
  /** ISO 8601 with +07:00. */
  receivedAt: string
  dueAt: string
  finishedAt: string
  status: 'finished'
  componentsTotal: number
  componentsDigitized: number
  resultDigitized: boolean
  feeVnd: number
  paidOnline: boolean
  ecertCopies: number
}

/** numerator / denominator as a letter's figure is made of them. */
export type Fraction = readonly [numerator: number, denominator: number]

// ---------------------------------------------------------------------------------------------
// The letters' figures
// ---------------------------------------------------------------------------------------------

/** Seed 000: "từ ngày 05/9 – 09/9/2022". */
export const WEEK = { from: '2022-09-05', to: '2022-09-09' } as const

/**
 * Seed 000, dossier digitization in the week, per commune (fully digitized / received with
 * components). The fourteen communes the letter names, then the nine it does not: those are
 * strictly between the criticism (20 %) and praise (88 %) thresholds.
 */
export const WEEK_DIGITIZATION: Readonly<Record<string, Fraction>> = {
  'An Thanh': [20, 20],
  'Quang Trung': [15, 15],
  'Quang Khải': [18, 18],
  'Dân Chủ': [35, 36],
  'Phượng Kỳ': [23, 24],
  'Quảng Nghiệp': [31, 33],
  'Nguyên Giáp': [23, 25],
  'Đại Hợp': [22, 25],
  'Hà Thanh': [0, 20],
  'Tân Kỳ': [0, 15],
  'Văn Tố': [1, 30],
  'Tiên Động': [1, 22],
  'Hưng Đạo': [3, 17],
  'Ngọc Kỳ': [2, 10],
  'Bình Lăng': [7, 16],
  'Chí Minh': [7, 16],
  'Cộng Lạc': [7, 16],
  'Đại Sơn': [7, 16],
  'Hà Kỳ': [7, 16],
  'Minh Đức': [7, 16],
  'Quang Phục': [7, 16],
  'Tái Sơn': [7, 16],
  'Thị trấn Tứ Kỳ': [10, 17],
}
/** "Bộ phận Một cửa cấp huyện" in the week. */
export const WEEK_DISTRICT_OWN: Fraction = [30, 40]
/**
 * Seed 000: "vẫn còn một số xã chưa thực hiện [chứng thực bản sao điện tử] như: Hà Kỳ, Minh Đức,
 * Quang Phục, Chí Minh" — never, not "none in this week": every other commune has started.
 */
export const WEEK_NO_ECERT: readonly string[] = ['Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh']
/**
 * Communes that started e-certifying before the week (July or August) and issued none in it: one
 * praised (Quảng Nghiệp, 93,9 %), one criticised for its figure (Hưng Đạo, 17,6 %), one in
 * between (Tái Sơn). Having started, none of them is "chưa thực hiện".
 */
export const WEEK_ECERT_STOPPED: readonly string[] = ['Quảng Nghiệp', 'Hưng Đạo', 'Tái Sơn']
/** Dossiers received in the week with no components at all: outside the digitization figure. */
export const WEEK_WITHOUT_COMPONENTS: Readonly<Record<string, number>> = { 'An Thanh': 2, 'Hà Thanh': 1, 'Thị trấn Tứ Kỳ': 3 }

/** Seed 001: "trong tháng 7/2022, toàn huyện đạt 3,95% … (Bộ phận Một cửa cấp huyện đạt 32,5%, … cá biệt có xã đạt 0%)". */
export const JULY = { from: '2022-07-01', to: '2022-07-31' } as const
export const JULY_DISTRICT_OWN: Fraction = [65, 200]
/** The communes share 14 / 1800: seven at 2 digitized, the rest none. */
export const JULY_COMMUNES: Readonly<Record<string, Fraction>> = Object.fromEntries(
  COMMUNES.map((c, i) => {
    const denominator = i < 6 ? 79 : 78 // 6 × 79 + 17 × 78 = 1800
    const numerator = ['Quang Khải', 'Quang Trung', 'Dân Chủ', 'Quảng Nghiệp', 'An Thanh', 'Hà Kỳ', 'Đại Sơn'].includes(c.short) ? 2 : 0
    return [c.short, [numerator, denominator] as const]
  }),
)
/** Seed 001: "tính đến tháng 7/2022, huyện Tứ Kỳ có 02/23 đơn vị cấp xã thực hiện (Quảng Nghiệp và Đại Sơn)". */
export const JULY_ECERT: readonly string[] = ['Quảng Nghiệp', 'Đại Sơn']
/** Communes that issued e-certified copies in August (on 1/8, outside the days compared with the week). */
export const AUGUST_ECERT: readonly string[] = ['An Thanh', 'Quang Khải', 'Hưng Đạo', 'Tái Sơn']

/** Seed 001: "trong tháng 8, … toàn huyện đạt 35,44% (Bộ phận Một cửa cấp huyện đạt 91,9%, …)". */
export const AUGUST = { from: '2022-08-01', to: '2022-08-31' } as const
export const AUGUST_DISTRICT_OWN: Fraction = [216, 235]
/** Named in the letter: Quang Khải 93 %, Quang Trung and Dân Chủ 83 %, Quảng Nghiệp 76 %, An Thanh and Hà Kỳ above 50 %, Hưng Đạo, Tái Sơn, Tân Kỳ 0 %. */
export const AUGUST_NAMED: Readonly<Record<string, Fraction>> = {
  'Quang Khải': [93, 100],
  'Quang Trung': [83, 100],
  'Dân Chủ': [83, 100],
  'Quảng Nghiệp': [76, 100],
  'An Thanh': [55, 100],
  'Hà Kỳ': [52, 100],
  'Hưng Đạo': [0, 100],
  'Tái Sơn': [0, 100],
  'Tân Kỳ': [0, 100],
}
/** The other fourteen share 228 / 1365 (about 17 % each), so the district's communes make 670 / 2265. */
export const AUGUST_COMMUNES: Readonly<Record<string, Fraction>> = Object.fromEntries(
  COMMUNES.map((c) => {
    const named = AUGUST_NAMED[c.short]
    if (named) return [c.short, named]
    const k = COMMUNES.filter((o) => !AUGUST_NAMED[o.short]).findIndex((o) => o.short === c.short)
    return [c.short, [k < 4 ? 17 : 16, k < 7 ? 97 : 98] as const] // 4 × 17 + 10 × 16 = 228; 7 × 97 + 7 × 98 = 1365
  }),
)

/** Seed 002: online payment of fees, January to September 2023. */
export const YEAR_2023 = { from: '2023-01-01', to: '2023-09-30' } as const
/** "06 xã đạt tỷ lệ thấp, chưa đạt chỉ tiêu UBND tỉnh giao 30% thanh toán trực tuyến (Cộng Lạc 24%; Dân Chủ 19,44%; …)". */
export const PAYMENT_2023_LOW: Readonly<Record<string, Fraction>> = {
  'Cộng Lạc': [6, 25],
  'Dân Chủ': [7, 36],
  'Hưng Đạo': [16, 133],
  'Phượng Kỳ': [29, 166],
  'Tiên Động': [23, 270],
  'Tái Sơn': [51, 200],
}
export const PAYMENT_2023_OTHERS: Fraction = [12, 30]
export const PAYMENT_2023_DISTRICT_OWN: Fraction = [926, 1000]
/** Dossiers without a fee, which the payment figure leaves out: two per commune, ten at the district. */
export const FREE_2023_PER_COMMUNE = 2
export const FREE_2023_DISTRICT = 10

// ---------------------------------------------------------------------------------------------
// Building the rows
// ---------------------------------------------------------------------------------------------

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Monday to Friday between two dates (inclusive), optionally only days `dayFrom`…`dayTo` of each month. */
export function weekdays(from: string, to: string, dayFrom = 1, dayTo = 31): string[] {
  const days: string[] = []
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  for (let t = Date.UTC(fy, fm - 1, fd); ; t += 86_400_000) {
    const date = new Date(t)
    const iso = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
    if (iso > to) break
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6 && date.getUTCDate() >= dayFrom && date.getUTCDate() <= dayTo) days.push(iso)
  }
  return days
}

/*
 * Working days used: July and August 2022 have no public holiday; 5–9/9/2022 is the week after
 * Quốc khánh (1–2/9); in 2023 only days 6–17 of each month are used, which avoids Tết (20–26/1),
 * 29/4–3/5 and 1–4/9.
 */
const JULY_DAYS = weekdays(JULY.from, JULY.to)
const AUGUST_DAYS = weekdays(AUGUST.from, AUGUST.to)
const WEEK_DAYS = weekdays(WEEK.from, WEEK.to)
const DAYS_2023 = weekdays(YEAR_2023.from, YEAR_2023.to, 6, 17)

interface BatchSpec {
  prefix: string
  unitCode: string
  days: readonly string[]
  count: number
  procedureCode: string
  /** The first `digitized` rows have every component digitized; the others some or none. */
  digitized: number
  /** Rows with no components at all (components_total = 0). */
  withoutComponents?: number
  /** The first `paid` rows paid their fee online. */
  paid?: number
  /** E-certified copies issued, on the first row. */
  ecertCopies?: number
}

function feeOf(procedureCode: string): number {
  const procedure = LETTER_PROCEDURES.find((p) => p.code === procedureCode)
  if (!procedure) throw new Error(`no procedure ${procedureCode}`)
  return procedure.feeVnd
}

/** `count` dossiers of one unit spread over `days`; the first one an online dossier at 06:45 (23:45 UTC the day before). */
function batch(spec: BatchSpec): LetterDossier[] {
  const rows: LetterDossier[] = []
  const total = spec.count + (spec.withoutComponents ?? 0)
  for (let i = 0; i < total; i++) {
    const day = spec.days[i % spec.days.length]!
    const slot = Math.floor(i / spec.days.length)
    const [hour, minute] = i === 0 ? [6, 45] : [7 + (slot % 8), (i * 13) % 60]
    const hasComponents = i < spec.count
    const fullyDigitized = hasComponents && i < spec.digitized
    const componentsTotal = hasComponents ? 3 : 0
    const paid = i < (spec.paid ?? 0)
    const feeVnd = feeOf(spec.procedureCode)
    rows.push({
      code: `${spec.prefix}-${spec.unitCode}-${String(i + 1).padStart(4, '0')}`,
      unitCode: spec.unitCode,
      procedureCode: spec.procedureCode,
      channel: i === 0 || paid ? 'online' : 'direct',
      receivedAt: `${day}T${pad(hour)}:${pad(minute)}:00+07:00`,
      dueAt: `${day}T17:00:00+07:00`,
      finishedAt: `${day}T${pad(hour + 2)}:${pad(minute)}:00+07:00`,
      status: 'finished',
      componentsTotal,
      componentsDigitized: fullyDigitized ? componentsTotal : hasComponents ? i % componentsTotal : 0,
      resultDigitized: fullyDigitized,
      feeVnd,
      paidOnline: paid,
      ecertCopies: i === 0 ? (spec.ecertCopies ?? 0) : 0,
    })
  }
  return rows
}

function weekRows(): LetterDossier[] {
  const rows = batch({ prefix: 'W2236', unitCode: DISTRICT_CODE, days: WEEK_DAYS, count: WEEK_DISTRICT_OWN[1], digitized: WEEK_DISTRICT_OWN[0], procedureCode: HOUSEHOLD_BUSINESS, ecertCopies: 2 })
  COMMUNES.forEach((c, index) => {
    const [digitized, count] = WEEK_DIGITIZATION[c.short]!
    const ecert = !WEEK_NO_ECERT.includes(c.short) && !WEEK_ECERT_STOPPED.includes(c.short)
    rows.push(
      ...batch({
        prefix: 'W2236',
        unitCode: c.code,
        days: WEEK_DAYS,
        count,
        digitized,
        withoutComponents: WEEK_WITHOUT_COMPONENTS[c.short] ?? 0,
        procedureCode: ecert ? CERTIFIED_COPY : BIRTH,
        ecertCopies: ecert ? 1 + (index % 3) : 0,
      }),
    )
  })
  return rows
}

function julyRows(): LetterDossier[] {
  const rows = batch({ prefix: 'M2207', unitCode: DISTRICT_CODE, days: JULY_DAYS, count: JULY_DISTRICT_OWN[1], digitized: JULY_DISTRICT_OWN[0], procedureCode: HOUSEHOLD_BUSINESS })
  for (const c of COMMUNES) {
    const [digitized, count] = JULY_COMMUNES[c.short]!
    const ecert = JULY_ECERT.includes(c.short)
    rows.push(...batch({ prefix: 'M2207', unitCode: c.code, days: JULY_DAYS, count, digitized, procedureCode: ecert ? CERTIFIED_COPY : BIRTH, ecertCopies: ecert ? 1 : 0 }))
  }
  return rows
}

function augustRows(): LetterDossier[] {
  const rows = batch({ prefix: 'M2208', unitCode: DISTRICT_CODE, days: AUGUST_DAYS, count: AUGUST_DISTRICT_OWN[1], digitized: AUGUST_DISTRICT_OWN[0], procedureCode: HOUSEHOLD_BUSINESS })
  for (const c of COMMUNES) {
    const [digitized, count] = AUGUST_COMMUNES[c.short]!
    const ecert = AUGUST_ECERT.includes(c.short)
    rows.push(...batch({ prefix: 'M2208', unitCode: c.code, days: AUGUST_DAYS, count, digitized, procedureCode: ecert ? CERTIFIED_COPY : BIRTH, ecertCopies: ecert ? 2 : 0 }))
  }
  return rows
}

function payment2023Rows(): LetterDossier[] {
  const [ownPaid, ownCount] = PAYMENT_2023_DISTRICT_OWN
  const rows = [
    ...batch({ prefix: 'Y2023', unitCode: DISTRICT_CODE, days: DAYS_2023, count: ownCount, digitized: ownCount, paid: ownPaid, procedureCode: HOUSEHOLD_BUSINESS }),
    ...batch({ prefix: 'Y2023F', unitCode: DISTRICT_CODE, days: DAYS_2023, count: FREE_2023_DISTRICT, digitized: FREE_2023_DISTRICT, procedureCode: BIRTH }),
  ]
  for (const c of COMMUNES) {
    const [paid, count] = PAYMENT_2023_LOW[c.short] ?? PAYMENT_2023_OTHERS
    rows.push(...batch({ prefix: 'Y2023', unitCode: c.code, days: DAYS_2023, count, digitized: count, paid, procedureCode: CERTIFIED_COPY }))
    rows.push(...batch({ prefix: 'Y2023F', unitCode: c.code, days: DAYS_2023, count: FREE_2023_PER_COMMUNE, digitized: FREE_2023_PER_COMMUNE, procedureCode: BIRTH }))
  }
  return rows
}

/** Every dossier of the four data sets: one dossiers.csv. */
export function buildLetterDossiers(): LetterDossier[] {
  return [...julyRows(), ...augustRows(), ...weekRows(), ...payment2023Rows()]
}

// ---------------------------------------------------------------------------------------------
// As interchange files
// ---------------------------------------------------------------------------------------------

export function unitsCsvLines(): string[] {
  return ['code,name,kind,parent_code', ...LETTER_UNITS.map((u) => `${u.code},${u.name},${u.kind},${u.parentCode ?? ''}`)]
}

export function proceduresCsvLines(): string[] {
  return [
    'code,name,field,level,online_level,processing_days,fee_vnd',
    ...LETTER_PROCEDURES.map((p) => `${p.code},${p.name},${p.field},${p.level},${p.onlineLevel},${p.processingDays},${p.feeVnd}`),
  ]
}

export function dossiersCsvLines(rows: readonly LetterDossier[]): string[] {
  return [
    DOSSIER_HEADER,
    ...rows.map((d) =>
      [
        d.code, d.unitCode, d.procedureCode, d.channel, d.receivedAt, d.dueAt, d.finishedAt, '', d.status,
        d.componentsTotal, d.componentsDigitized, d.resultDigitized, d.feeVnd, d.paidOnline, d.ecertCopies, '',
      ].join(','),
    ),
  ]
}
