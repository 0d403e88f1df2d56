import { DEMO_DISTRICT_CODES, TU_KY_CODE, tuKyCommuneCode } from './demo-units.js'
import { parseIsoDay, type Day } from './demo-time.js'

/**
 * The story the seed letters tell, as numbers per unit and date. Every probability the
 * generator draws against comes from here, so this file is where to tune the demo.
 *
 * - online rate: communes ~5–15 % in Q1/2022 (seed 003), rising to well above 50 % in the second
 *   half of 2022 (55,31 % for communes, 78,31 % for the district one-stop by 31/8/2022, seed 001),
 *   99,56 % by September 2023 (seed 002);
 * - full digitization of dossiers: near 0 until July 2022 (district-wide 3,95 %, the district's
 *   own 32,5 %), 35,44 % in August (own 91,9 %; Quang Khải 93 %, Quang Trung and Dân Chủ 83 %,
 *   Quảng Nghiệp 76 %, An Thanh and Hà Kỳ over 50 %, Hưng Đạo, Tái Sơn, Tân Kỳ 0 %), 58,59 % in
 *   the week 5–9/9/2022 with the praised and criticised communes of seed 000, 96,49 % in 2023;
 * - electronic certified copies: only Quảng Nghiệp and Đại Sơn before August 2022, more
 *   communes afterwards, never Hà Kỳ, Minh Đức, Quang Phục or Chí Minh through September 2022;
 * - online payment Jan–Sep 2023: 53,93 % overall, six communes under the 30 % target.
 */

export interface Curve {
  readonly days: readonly Day[]
  readonly values: readonly number[]
}

/** A piecewise-linear function of the date; flat before the first and after the last point. */
export function curve(points: readonly (readonly [string, number])[]): Curve {
  const days = points.map(([iso]) => parseIsoDay(iso))
  for (let i = 1; i < days.length; i++) {
    if ((days[i] as number) < (days[i - 1] as number)) throw new Error('curve points must be in date order')
  }
  return { days, values: points.map(([, value]) => value) }
}

export function valueAt(c: Curve, day: Day): number {
  const { days, values } = c
  const n = days.length
  if (n === 0) return 0
  if (day <= (days[0] as number)) return values[0] as number
  if (day >= (days[n - 1] as number)) return values[n - 1] as number
  let i = 1
  while ((days[i] as number) < day) i++
  const d0 = days[i - 1] as number
  const d1 = days[i] as number
  const v0 = values[i - 1] as number
  const v1 = values[i] as number
  return d1 === d0 ? v1 : v0 + ((v1 - v0) * (day - d0)) / (d1 - d0)
}

export interface UnitStory {
  unitCode: string
  /** Dossiers in an ordinary working week, at scale 1. */
  weekly: number
  /** Which catalogue the unit's counter serves. */
  catalogue: 'commune' | 'district'
  /** Probability that a dossier of an online-capable procedure comes in online. */
  online: Curve
  /** Probability that every component of a dossier is digitized at reception. */
  digitization: Curve
  /** Probability that an online dossier with a fee is paid online. */
  onlinePayment: Curve
  /** First day the unit issues electronic certified copies, or null for never. */
  ecertFrom: Day | null
  /** Extra chance of lateness (added to the base rate). */
  extraLateness: number
  /** Opens its counter on some Saturday mornings. */
  saturdays: boolean
}

/** Online rate of commune counters, before the unit's own factor. */
const COMMUNE_ONLINE = curve([
  ['2022-01-01', 0.06],
  ['2022-03-31', 0.12],
  ['2022-04-30', 0.3],
  ['2022-05-31', 0.55],
  ['2022-06-30', 0.7],
  ['2022-07-31', 0.78],
  ['2022-08-31', 0.82],
  ['2022-12-31', 0.85],
  ['2023-06-30', 0.94],
  ['2023-09-15', 0.99],
  ['2023-12-31', 0.995],
])

/** Online rate of district one-stop counters. */
const DISTRICT_ONLINE = curve([
  ['2022-01-01', 0.68],
  ['2022-08-31', 0.86],
  ['2022-12-31', 0.9],
  ['2023-09-15', 0.995],
  ['2023-12-31', 0.997],
])

/**
 * A unit's own version of a shared rate: `factor` > 1 is a laggard, < 1 a leader. Low rates
 * scale linearly, high ones by their shortfall, so every unit converges to ~99 % in late 2023.
 */
function adjusted(base: Curve, factor: number): Curve {
  return {
    days: base.days,
    values: base.values.map((v) => {
      const value = v < 0.5 ? v * (2 - factor) : 1 - (1 - v) * factor
      return Math.min(0.998, Math.max(0, value))
    }),
  }
}

interface DigitizationPlan {
  /** First half of 2022 (rising from half this value in January). */
  pre: number
  july: number
  august: number
  /** 1–11 September 2022, the week the letter of 15/9/2022 measured. */
  september: number
  /** By 31/12/2022, reached linearly after the criticism. */
  december: number
  /** From March 2023 on. */
  y2023: number
}

function digitizationCurve(plan: DigitizationPlan): Curve {
  return curve([
    ['2022-01-01', plan.pre / 2],
    ['2022-06-30', plan.pre],
    ['2022-07-01', plan.july],
    ['2022-07-31', plan.july],
    ['2022-08-01', plan.august],
    ['2022-08-31', plan.august],
    ['2022-09-01', plan.september],
    ['2022-09-11', plan.september],
    ['2022-12-31', plan.december],
    ['2023-02-28', plan.y2023],
    ['2023-12-31', Math.min(0.995, plan.y2023 + 0.005)],
  ])
}

/**
 * Turns the letters' payment rates (of all dossiers with a fee) into a probability per online
 * dossier with a fee: about a fifth of a commune's fee-bearing dossiers are signature, contract
 * and will certifications filed in person, and early 2023 still had some paper filings.
 * Calibrated on the generated data (Jan–Sep 2023 comes out within a point or two of the rate).
 */
const PAYABLE_SHARE_COMMUNE = 0.68
const PAYABLE_SHARE_DISTRICT = 0.8

/** Online payment: rare in 2022, the unit's 2023 level from February 2023. */
function paymentCurve(rate2023: number, payableShare: number): Curve {
  const p = Math.min(0.98, rate2023 / payableShare)
  return curve([
    ['2022-01-01', 0.01],
    ['2022-06-30', 0.05],
    ['2022-12-31', Math.min(0.15, p * 0.4)],
    ['2023-02-01', p * 0.95],
    ['2023-04-01', p],
    ['2023-12-31', p],
  ])
}

interface CommunePlan {
  name: string
  weekly: number
  digitization: [pre: number, july: number, august: number, september: number, december: number, y2023: number]
  onlineFactor: number
  /** Online payment rate Jan–Sep 2023, of dossiers with a fee. */
  payment2023: number
  ecertFrom: string | null
  saturdays?: boolean
  extraLateness?: number
}

/**
 * Tứ Kỳ's communes. Digitization for July, August and 5–9/9/2022 follows the letters where they
 * give a figure; the others are placed so the district-wide figures come out near 3,95 %,
 * 35,44 % and 58,59 %. E-certified copies: Quảng Nghiệp and Đại Sơn start before August 2022
 * (seed 001: 02/23 by July); Hà Kỳ, Minh Đức, Quang Phục and Chí Minh only from November 2022 on;
 * every other commune starts in August, so by 9/9/2022 the four are the only ones that never
 * e-certified — seed 000 names them and no other ("chưa thực hiện như: …"), and criticises ten.
 */
const TU_KY_COMMUNES: readonly CommunePlan[] = [
  { name: 'An Thanh', weekly: 22, digitization: [0.01, 0.02, 0.55, 1, 0.99, 0.985], onlineFactor: 0.8, payment2023: 0.6, ecertFrom: '2022-08-15', saturdays: true },
  { name: 'Bình Lăng', weekly: 16, digitization: [0.01, 0.02, 0.2, 0.45, 0.85, 0.96], onlineFactor: 1, payment2023: 0.5, ecertFrom: '2022-09-05' },
  { name: 'Chí Minh', weekly: 26, digitization: [0.005, 0.01, 0.18, 0.4, 0.85, 0.96], onlineFactor: 1.1, payment2023: 0.45, ecertFrom: '2022-11-21' },
  { name: 'Cộng Lạc', weekly: 20, digitization: [0.01, 0.01, 0.22, 0.45, 0.85, 0.96], onlineFactor: 1, payment2023: 0.235, ecertFrom: '2022-08-22' },
  { name: 'Dân Chủ', weekly: 18, digitization: [0.01, 0.03, 0.83, 0.972, 0.98, 0.97], onlineFactor: 0.85, payment2023: 0.19, ecertFrom: '2022-08-10' },
  { name: 'Đại Hợp', weekly: 24, digitization: [0.01, 0.02, 0.3, 0.88, 0.95, 0.97], onlineFactor: 0.9, payment2023: 0.55, ecertFrom: '2022-08-29' },
  { name: 'Đại Sơn', weekly: 22, digitization: [0.02, 0.03, 0.25, 0.45, 0.9, 0.96], onlineFactor: 0.9, payment2023: 0.55, ecertFrom: '2022-04-18' },
  { name: 'Hà Kỳ', weekly: 15, digitization: [0.01, 0.03, 0.52, 0.65, 0.9, 0.97], onlineFactor: 0.95, payment2023: 0.5, ecertFrom: '2022-12-05' },
  { name: 'Hà Thanh', weekly: 16, digitization: [0, 0, 0.04, 0, 0.7, 0.95], onlineFactor: 1.2, payment2023: 0.45, ecertFrom: '2022-08-15', extraLateness: 0.01 },
  { name: 'Hưng Đạo', weekly: 17, digitization: [0, 0, 0, 0.176, 0.7, 0.95], onlineFactor: 1.2, payment2023: 0.12, ecertFrom: '2022-08-01', extraLateness: 0.01 },
  { name: 'Minh Đức', weekly: 19, digitization: [0.01, 0.01, 0.2, 0.4, 0.85, 0.96], onlineFactor: 1, payment2023: 0.5, ecertFrom: '2022-11-14' },
  { name: 'Ngọc Kỳ', weekly: 15, digitization: [0, 0.005, 0.1, 0.2, 0.75, 0.95], onlineFactor: 1.1, payment2023: 0.48, ecertFrom: '2022-08-08' },
  { name: 'Nguyên Giáp', weekly: 20, digitization: [0.01, 0.02, 0.3, 0.92, 0.95, 0.97], onlineFactor: 0.9, payment2023: 0.55, ecertFrom: '2022-08-24' },
  { name: 'Phượng Kỳ', weekly: 19, digitization: [0.01, 0.02, 0.35, 0.958, 0.97, 0.97], onlineFactor: 0.9, payment2023: 0.175, ecertFrom: '2022-08-17' },
  { name: 'Quang Khải', weekly: 17, digitization: [0.02, 0.05, 0.93, 1, 0.99, 0.985], onlineFactor: 0.8, payment2023: 0.65, ecertFrom: '2022-08-08' },
  { name: 'Quang Phục', weekly: 18, digitization: [0.01, 0.01, 0.2, 0.4, 0.85, 0.96], onlineFactor: 1.05, payment2023: 0.5, ecertFrom: '2023-01-09' },
  { name: 'Quang Trung', weekly: 18, digitization: [0.02, 0.03, 0.83, 1, 0.99, 0.985], onlineFactor: 0.8, payment2023: 0.62, ecertFrom: '2022-08-12' },
  { name: 'Quảng Nghiệp', weekly: 21, digitization: [0.02, 0.04, 0.76, 0.939, 0.97, 0.975], onlineFactor: 0.85, payment2023: 0.58, ecertFrom: '2022-03-07' },
  { name: 'Tái Sơn', weekly: 17, digitization: [0.005, 0.01, 0, 0.4, 0.8, 0.96], onlineFactor: 1.1, payment2023: 0.245, ecertFrom: '2022-08-01' },
  { name: 'Tân Kỳ', weekly: 18, digitization: [0, 0, 0, 0, 0.65, 0.94], onlineFactor: 1.2, payment2023: 0.45, ecertFrom: '2022-08-15', extraLateness: 0.01 },
  { name: 'Tiên Động', weekly: 21, digitization: [0, 0.005, 0.04, 0.045, 0.7, 0.95], onlineFactor: 1.15, payment2023: 0.085, ecertFrom: '2022-08-08', extraLateness: 0.01 },
  { name: 'Thị trấn Tứ Kỳ', weekly: 32, digitization: [0.02, 0.03, 0.25, 0.45, 0.9, 0.97], onlineFactor: 0.85, payment2023: 0.7, ecertFrom: '2022-08-19', saturdays: true },
  { name: 'Văn Tố', weekly: 18, digitization: [0, 0.005, 0.03, 0.033, 0.7, 0.95], onlineFactor: 1.1, payment2023: 0.46, ecertFrom: '2022-08-15' },
]

/** The communes the letter of 15/9/2022 names as never having issued an electronic copy. */
export const NO_ECERT_COMMUNES: readonly string[] = ['Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh']
/** The communes under the 30 % online-payment target in Jan–Sep 2023 (seed 002). */
export const WEAK_PAYMENT_COMMUNES: readonly string[] = ['Cộng Lạc', 'Dân Chủ', 'Hưng Đạo', 'Phượng Kỳ', 'Tiên Động', 'Tái Sơn']
/** The communes doing electronic certified copies by July 2022 (seed 001). */
export const EARLY_ECERT_COMMUNES: readonly string[] = ['Quảng Nghiệp', 'Đại Sơn']

function communeStory(code: string, plan: CommunePlan): UnitStory {
  const [pre, july, august, september, december, y2023] = plan.digitization
  return {
    unitCode: code,
    weekly: plan.weekly,
    catalogue: 'commune',
    online: adjusted(COMMUNE_ONLINE, plan.onlineFactor),
    digitization: digitizationCurve({ pre, july, august, september, december, y2023 }),
    onlinePayment: paymentCurve(plan.payment2023, PAYABLE_SHARE_COMMUNE),
    ecertFrom: plan.ecertFrom === null ? null : parseIsoDay(plan.ecertFrom),
    extraLateness: plan.extraLateness ?? 0,
    saturdays: plan.saturdays ?? false,
  }
}

/** Tứ Kỳ's own one-stop shop: 32,5 % digitized in July 2022, 91,9 % in August. */
const TU_KY_OWN: UnitStory = {
  unitCode: TU_KY_CODE,
  weekly: 50,
  catalogue: 'district',
  online: DISTRICT_ONLINE,
  digitization: digitizationCurve({ pre: 0.08, july: 0.325, august: 0.919, september: 0.95, december: 0.97, y2023: 0.98 }),
  onlinePayment: paymentCurve(0.7, PAYABLE_SHARE_DISTRICT),
  ecertFrom: null,
  extraLateness: 0,
  saturdays: true,
}

/**
 * The other eleven districts: smaller volumes, ahead of Tứ Kỳ on digitization in mid-2022 (the
 * letters call Tứ Kỳ the lowest of the province in July). E-certified copies: every commune of
 * the first nine districts starts before July 2022, Ninh Giang has one and Thanh Miện none by
 * then, so with its two communes Tứ Kỳ ranks 10th of 12 as seed 001 says.
 */
function otherDistrictStories(): UnitStory[] {
  const stories: UnitStory[] = []
  const others = DEMO_DISTRICT_CODES.filter((code) => code !== TU_KY_CODE)
  others.forEach((districtCode, i) => {
    const lead = (i % 4) * 0.06
    stories.push({
      unitCode: districtCode,
      weekly: 14 + (i % 3) * 2,
      catalogue: 'district',
      online: adjusted(DISTRICT_ONLINE, 0.9 + (i % 3) * 0.1),
      digitization: digitizationCurve({ pre: 0.2 + lead, july: 0.55 + lead, august: 0.8, september: 0.85, december: 0.93, y2023: 0.97 }),
      onlinePayment: paymentCurve(0.45 + (i % 4) * 0.05, PAYABLE_SHARE_DISTRICT),
      ecertFrom: null,
      extraLateness: 0,
      saturdays: i % 4 === 0,
    })
    const ninhGiang = districtCode === 'H23.10'
    const thanhMien = districtCode === 'H23.12'
    for (let c = 0; c < 3; c++) {
      let ecertFrom: string
      if (thanhMien) ecertFrom = ['2022-10-03', '2022-11-07', '2023-02-06'][c] as string
      else if (ninhGiang) ecertFrom = ['2022-05-09', '2022-09-12', '2022-12-12'][c] as string
      else ecertFrom = ['2022-02-14', '2022-04-04', '2022-06-06'][(c + i) % 3] as string
      stories.push({
        unitCode: `${districtCode}.${String(c + 1).padStart(2, '0')}`,
        weekly: c === 0 ? 8 : 5,
        catalogue: 'commune',
        online: adjusted(COMMUNE_ONLINE, 0.85 + ((i + c) % 4) * 0.08),
        digitization: digitizationCurve({
          pre: 0.05 + lead / 2,
          july: 0.2 + lead + c * 0.05,
          august: 0.45 + lead,
          september: 0.6 + lead / 2,
          december: 0.85,
          y2023: 0.95,
        }),
        onlinePayment: paymentCurve(0.35 + ((i + c) % 5) * 0.06, PAYABLE_SHARE_COMMUNE),
        ecertFrom: parseIsoDay(ecertFrom),
        extraLateness: 0,
        saturdays: false,
      })
    }
  })
  return stories
}

/** Every unit that receives dossiers, with its story; offices and the province receive none. */
export function buildUnitStories(): UnitStory[] {
  return [
    TU_KY_OWN,
    ...TU_KY_COMMUNES.map((plan) => communeStory(tuKyCommuneCode(plan.name), plan)),
    ...otherDistrictStories(),
  ]
}

/** Probability that a certification dossier of a unit doing e-copies carries some. */
export function ecertShare(story: UnitStory, day: Day): number {
  if (story.ecertFrom === null || day < story.ecertFrom) return 0
  return Math.min(0.65, 0.15 + (0.35 * (day - story.ecertFrom)) / 120)
}

/** Result digitization follows dossier digitization two weeks later, a little higher in 2023. */
export function resultDigitizationShare(story: UnitStory, finishDay: Day): number {
  return Math.min(0.995, valueAt(story.digitization, finishDay - 14) + 0.02)
}

/** Seasonal volume: busy before Tết and in summer, quiet after Tết. */
const MONTH_FACTOR: readonly number[] = [1.15, 0.85, 1, 1, 1, 1.05, 1.1, 1.05, 1, 1, 1, 1.1]
/** Monday is the busiest day at the counter, Friday the quietest. */
const WEEKDAY_FACTOR: readonly number[] = [0, 1.2, 1.05, 1, 0.95, 0.8, 0]

export function volumeFactor(month: number, weekday: number, year: number): number {
  const growth = year >= 2023 ? 1.05 : 1
  return (MONTH_FACTOR[month - 1] ?? 1) * (WEEKDAY_FACTOR[weekday] ?? 0) * growth
}

/** Share of finished dossiers that are finished late. */
export function lateShare(story: UnitStory, year: number): number {
  return (year <= 2022 ? 0.03 : 0.015) + story.extraLateness
}
