import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import type { Channel, DossierStatus, Rating } from '../../domain/dossiers/dossier-status.js'
import type { ProcedureInput } from '../../domain/procedures/procedure-input.js'
import { COMMUNE_PROCEDURE_WEIGHTS, COPY_CERTIFICATION_CODE, DISTRICT_PROCEDURE_WEIGHTS } from './demo-procedures.js'
import {
  ecertShare,
  lateShare,
  resultDigitizationShare,
  valueAt,
  volumeFactor,
  type UnitStory,
} from './demo-story.js'
import {
  addWorkingDays,
  compactDay,
  isHoliday,
  monthOf,
  nextWorkingDayFrom,
  vnInstant,
  weekdayOf,
  yearOf,
  type Day,
} from './demo-time.js'
import { SeededRandom, WeightedTable, hashString, mixSeed } from './seeded-random.js'

/**
 * Dossiers, one day at a time. Each unit's day draws from its own generator seeded by
 * (seed, unit, day), so a day comes out the same whatever range is asked for; only the status
 * of dossiers still running at the end of the range depends on `to`.
 *
 * Deadlines: `dueAt` is left null, the importer computes it from the working-day calendar. An
 * on-time dossier is finished at most N − 1 working days after its receipt (N the legal time;
 * the same day when N ≤ 1, a third of the way through the time or later for longer ones), which
 * keeps it on time even if the real calendar has a swapped working Saturday the demo does not
 * know about. A late one is finished N + 5 to N + 14 working days after (two to eight working
 * days for same-day procedures). Supplements leave no trace on a finished row, so only
 * still-open dossiers near the end wait for one.
 */

export interface DossierGenerationOptions {
  seed: number
  fromDay: Day
  toDay: Day
  scale: number
}

// Office hours, in seconds after midnight.
const OPEN = 7 * 3600 + 30 * 60 // 07:30
const LUNCH_START = 11 * 3600 + 30 * 60 // 11:30
const LUNCH_END = 13 * 3600 + 30 * 60 // 13:30
const CLOSE = 17 * 3600 // 17:00

const REJECTED_SHARE = 0.01
const WITHDRAWN_SHARE = 0.005
const POSTAL_SHARE = 0.015
const NEVER_COLLECTED_SHARE = 0.015
const OPEN_SUPPLEMENT_SHARE = 0.06
const OPEN_PAUSED_SHARE = 0.015
const SATURDAY_OPENING_SHARE = 0.3

/** A time in office hours (skipping lunch) from a uniform draw, between `from` and 17:00. */
function officeSecond(u: number, from: number = OPEN, until: number = CLOSE): number {
  const morning = Math.max(0, Math.min(LUNCH_START, until) - from)
  const afternoon = Math.max(0, until - Math.max(LUNCH_END, from))
  const total = morning + afternoon
  if (total <= 0) return from
  const x = u * total
  return Math.floor(x < morning ? from + x : Math.max(LUNCH_END, from) + (x - morning))
}

function ratingShare(year: number): number {
  return year <= 2022 ? 0.12 : 0.3
}

function copyCertificationFee(uPages: number, uCopies: number): number {
  const pages = 1 + Math.floor(uPages * 6)
  const copies = 1 + Math.floor(uCopies * 4)
  const perCopy = Math.min(200_000, 2_000 * Math.min(pages, 2) + 1_000 * Math.max(0, pages - 2))
  return perCopy * copies
}

interface UnitContext {
  story: UnitStory
  unitHash: number
  procedures: WeightedTable<ProcedureInput>
}

interface DayRates {
  online: number
  digitization: number
  payment: number
  ecert: number
  late: number
}

function procedureTable(procedures: ReadonlyMap<string, ProcedureInput>, weights: readonly (readonly [string, number])[]): WeightedTable<ProcedureInput> {
  return new WeightedTable(
    weights.map(([code, weight]) => {
      const procedure = procedures.get(code)
      if (!procedure) throw new Error(`demo weights name an unknown procedure ${code}`)
      return [procedure, weight] as const
    }),
  )
}

export function* generateDemoDossiers(
  stories: readonly UnitStory[],
  procedures: readonly ProcedureInput[],
  options: DossierGenerationOptions,
): Generator<DossierInput, void, undefined> {
  const byCode = new Map(procedures.map((p) => [p.code, p]))
  const communeTable = procedureTable(byCode, COMMUNE_PROCEDURE_WEIGHTS)
  const districtTable = procedureTable(byCode, DISTRICT_PROCEDURE_WEIGHTS)
  const units: UnitContext[] = stories.map((story) => ({
    story,
    unitHash: hashString(story.unitCode),
    procedures: story.catalogue === 'commune' ? communeTable : districtTable,
  }))
  const endMs = vnInstant(options.toDay + 1, 0).getTime()

  for (let day = options.fromDay; day <= options.toDay; day++) {
    const weekday = weekdayOf(day)
    if (weekday === 0 || isHoliday(day)) continue
    const saturday = weekday === 6
    // No Saturday opening in a week that touches a holiday (Tết, 30/4, 2/9).
    if (saturday && [-5, -4, -3, -2, -1, 1, 2, 3].some((offset) => isHoliday(day + offset))) continue
    const month = monthOf(day)
    const year = yearOf(day)
    const dayItems: DossierInput[] = []
    for (const unit of units) {
      const { story } = unit
      if (saturday && !story.saturdays) continue
      const rng = new SeededRandom(mixSeed(options.seed, unit.unitHash, day))
      let lambda: number
      if (saturday) {
        if (!rng.chance(SATURDAY_OPENING_SHARE)) continue
        lambda = (story.weekly / 5) * 0.25 * volumeFactor(month, 3, year)
      } else {
        lambda = (story.weekly / 5) * volumeFactor(month, weekday, year)
      }
      const count = rng.poisson(lambda * options.scale)
      if (count === 0) continue
      const times: number[] = []
      for (let i = 0; i < count; i++) {
        times.push(saturday ? officeSecond(rng.next(), OPEN, LUNCH_START) : officeSecond(rng.next()))
      }
      times.sort((a, b) => a - b)
      const rates: DayRates = {
        online: valueAt(story.online, day),
        digitization: valueAt(story.digitization, day),
        payment: valueAt(story.onlinePayment, day),
        ecert: ecertShare(story, day),
        late: lateShare(story, year),
      }
      times.forEach((seconds, i) => {
        dayItems.push(buildDossier(rng, unit, day, Math.min(seconds, CLOSE - 1), i + 1, rates, options.toDay, endMs))
      })
    }
    dayItems.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    yield* dayItems
  }
}

function buildDossier(
  rng: SeededRandom,
  unit: UnitContext,
  day: Day,
  receivedSecond: number,
  sequence: number,
  rates: DayRates,
  toDay: Day,
  endMs: number,
): DossierInput {
  const { story } = unit
  // Draws in a fixed order, all of them every time, so one dossier's choices never shift the
  // next dossier's draws.
  const procedure = unit.procedures.pick(rng.next())
  const uChannel = rng.next()
  const uPostal = rng.next()
  const uDigitized = rng.next()
  const uPartial = rng.next()
  const uPages = rng.next()
  const uCopies = rng.next()
  const uOutcome = rng.next()
  const uLate = rng.next()
  const uOffset = rng.next()
  const uFinishTime = rng.next()
  const uReturnLag = rng.next()
  const uReturnTime = rng.next()
  const uNeverCollected = rng.next()
  const uSupplement = rng.next()
  const uPaused = rng.next()
  const uResult = rng.next()
  const uEcert = rng.next()
  const uEcertCount = rng.next()
  const uPayment = rng.next()
  const uRated = rng.next()
  const uRating = rng.next()
  const optionalDraws = (procedure.components ?? []).map(() => rng.next())

  const receivedAt = vnInstant(day, receivedSecond)
  const code = `${story.unitCode}-${compactDay(day)}-${String(sequence).padStart(4, '0')}`

  // Channel: online only where the procedure is offered online.
  let channel: Channel
  if (procedure.onlineLevel !== 'none' && uChannel < rates.online) channel = 'online'
  else channel = uPostal < POSTAL_SHARE ? 'postal' : 'direct'

  // Components and their digitization at reception.
  let componentsTotal = 0
  ;(procedure.components ?? []).forEach((component, i) => {
    if (component.required || (optionalDraws[i] as number) < 0.35) componentsTotal++
  })
  let componentsDigitized = 0
  if (uDigitized < rates.digitization) componentsDigitized = componentsTotal
  else if (componentsTotal > 1 && uPartial < 0.3) componentsDigitized = 1 + Math.floor((uPartial / 0.3) * (componentsTotal - 1))

  const feeVnd = procedure.code === COPY_CERTIFICATION_CODE ? copyCertificationFee(uPages, uCopies) : procedure.feeVnd
  const paidOnline = feeVnd > 0 && channel === 'online' && uPayment < rates.payment

  // When the dossier ends, independent of the range's end.
  const effectiveDay = nextWorkingDayFrom(day) // a Saturday receipt counts from Monday
  const legalDays = Math.ceil(procedure.processingDays)
  const year = yearOf(day)
  let outcome: 'rejected' | 'withdrawn' | 'completed'
  if (uOutcome < REJECTED_SHARE) outcome = 'rejected'
  else if (uOutcome < REJECTED_SHARE + WITHDRAWN_SHARE) outcome = 'withdrawn'
  else outcome = 'completed'
  const late = outcome === 'completed' && uLate < rates.late
  let offset: number
  if (outcome === 'rejected') offset = Math.floor(uOffset * Math.min(3, legalDays + 1))
  else if (outcome === 'withdrawn') offset = 1 + Math.floor(uOffset * 5)
  else if (late) offset = legalDays === 0 ? 2 + Math.floor(uOffset * 7) : legalDays + 5 + Math.floor(uOffset * 10)
  else offset = legalDays <= 1 ? 0 : Math.floor(legalDays * (0.35 + 0.65 * uOffset)) // ≤ N − 1
  const finishDay = addWorkingDays(effectiveDay, offset)
  const finishSecond =
    finishDay === day
      ? receivedSecond + 600 < CLOSE
        ? officeSecond(uFinishTime, receivedSecond + 600)
        : receivedSecond + Math.floor(uFinishTime * (CLOSE - receivedSecond))
      : officeSecond(uFinishTime, OPEN + 15 * 60, CLOSE - 15 * 60)
  const finishedAt = vnInstant(finishDay, finishSecond)

  const base: DossierInput = {
    code,
    unitCode: story.unitCode,
    procedureCode: procedure.code,
    channel,
    status: 'processing',
    receivedAt,
    dueAt: null,
    finishedAt: null,
    returnedAt: null,
    componentsTotal,
    componentsDigitized,
    resultDigitized: false,
    feeVnd,
    paidOnline,
    ecertCopies: 0,
    rating: null,
  }

  if (finishedAt.getTime() >= endMs) {
    // Still running when the range ends.
    const daysBeforeEnd = toDay - day
    let status: DossierStatus
    if (uSupplement < OPEN_SUPPLEMENT_SHARE && daysBeforeEnd <= 30) status = 'supplement'
    else if (uPaused < OPEN_PAUSED_SHARE && daysBeforeEnd <= 60) status = 'paused'
    else if (effectiveDay > toDay || daysBeforeEnd === 0) status = 'received'
    else status = 'processing'
    return { ...base, status }
  }

  if (outcome !== 'completed') return { ...base, status: outcome, finishedAt }

  // A result exists: digitized or not, returned or waiting at the counter.
  const resultDigitized = uResult < resultDigitizationShare(story, finishDay)
  const ecertCopies =
    procedure.code === COPY_CERTIFICATION_CODE && uEcert < rates.ecert ? 1 + Math.floor(uEcertCount * 4) : 0
  let rating: Rating | null = null
  if (uRated < ratingShare(year)) {
    const dissatisfied = late ? 0.25 : 0.025
    if (uRating < dissatisfied) rating = 'dissatisfied'
    else rating = uRating < dissatisfied + (1 - dissatisfied) * 0.55 ? 'very_satisfied' : 'satisfied'
  }

  // Same-day procedures are mostly handed back on the spot; other results wait to be collected.
  const sameDayShare = legalDays === 0 ? 0.85 : 0.45
  const returnLag = uReturnLag < sameDayShare ? 0 : 1 + Math.floor(((uReturnLag - sameDayShare) / (1 - sameDayShare)) * (legalDays === 0 ? 2 : 5))
  const returnDay = addWorkingDays(finishDay, returnLag)
  const returnSecond =
    returnLag === 0 ? finishSecond + Math.floor(uReturnTime * Math.max(0, Math.min(5400, CLOSE - finishSecond))) : officeSecond(uReturnTime)
  const returnedAt = vnInstant(returnDay, returnSecond)
  const returned = uNeverCollected >= NEVER_COLLECTED_SHARE && returnedAt.getTime() < endMs

  return {
    ...base,
    status: returned ? 'returned' : 'finished',
    finishedAt,
    returnedAt: returned ? returnedAt : null,
    resultDigitized,
    ecertCopies,
    rating,
  }
}

