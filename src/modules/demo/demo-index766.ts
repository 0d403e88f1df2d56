import { DOSSIER_FLAG_COLUMNS, UNKNOWN_FLAGS, type DossierFlags } from '../../domain/dossiers/dossier-flags.js'
import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import type { FeedbackChannel, FeedbackClassification, FeedbackInput, FeedbackReaction } from '../../domain/feedback/feedback.js'
import type { ProcedureInput } from '../../domain/procedures/procedure-input.js'
import type { ProcedurePublication } from '../../domain/procedures/publication.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import type { UnitInput } from '../../domain/units/unit-input.js'
import { hashString, mixSeed, mulberry32, SeededRandom, WeightedTable } from './seeded-random.js'
import { isWorkingDay, parseIsoDay, vnInstant, isoOfDay } from './demo-time.js'
import { TU_KY_CODE } from './demo-units.js'

/*
 * The demo's Decision 766 data beyond the dossiers' core: the publication of its procedures,
 * the flags of a realistic share of its dossiers, and feedback for Tứ Kỳ. Every draw comes from
 * its own generator seeded by codes, never from the dossier generator's, so the existing demo
 * rows keep every value they had; only the new columns and the feedback table are filled.
 */

/** Flags are known for dossiers received from this day on: the earlier ones stay "not known". */
export const DEMO_FLAGS_FROM = '2022-07-01'

/** A uniform draw in [0, 1) fixed by a text and a purpose. */
const draw = (text: string, purpose: number): number => mulberry32(mixSeed(hashString(text), purpose))()

/**
 * Whether a demo procedure's fee is integrated for online payment (3.5 B): most procedures with a
 * fee are; a free one has nothing to integrate (not known). Its own draw, so the other
 * publication values stay as they were.
 */
export function demoPaymentIntegrated(procedure: ProcedureInput): boolean | null {
  return procedure.feeVnd > 0 ? draw(procedure.code, 35) < 0.75 : null
}

/** Publication of a demo procedure: its legal basis took effect in 2022 or 2023; a few acts were late. */
export function demoPublication(procedure: ProcedureInput): ProcedurePublication {
  const random = new SeededRandom(mixSeed(hashString(procedure.code), 766))
  let effective = parseIsoDay('2022-01-03') + random.int(0, 700)
  while (!isWorkingDay(effective)) effective += 1
  const decided = effective - random.int(4, 20) // calendar days: under a week of working days is late
  const decidedOn = isoOfDay(decided)
  return {
    decisionNumber: `${100 + random.int(0, 2800)}/QĐ-UBND`,
    decidedOn,
    legalBasisEffectiveOn: isoOfDay(effective),
    madePublicOn: isoOfDay(decided + random.int(1, 3)),
    nationalDbUpdatedOn: isoOfDay(decided + random.int(1, 9)),
    allPartsPublished: random.chance(0.9),
    usesPopulationData: procedure.field === 'Hộ tịch' || procedure.field === 'Chứng thực' ? true : random.chance(0.4),
    paymentIntegrated: demoPaymentIntegrated(procedure),
  }
}

/** The flags of a demo dossier, from its code: known from DEMO_FLAGS_FROM on. */
export function demoFlags(input: DossierInput): DossierFlags {
  if (input.receivedAt < vnInstant(parseIsoDay(DEMO_FLAGS_FROM), 0)) return UNKNOWN_FLAGS
  const online = input.channel === 'online'
  const late2023 = input.receivedAt >= vnInstant(parseIsoDay('2023-01-01'), 0)
  const resultOnPaper = draw(input.procedureCode, 41) < 0.7
  const finished = input.status === 'finished' || input.status === 'returned'
  return {
    syncedNational: draw(input.code, 14) < (online ? 0.97 : 0.85),
    reusedData: draw(input.code, 43) < (late2023 ? 0.55 : 0.35),
    linkedDataStore: draw(input.code, 44) < 0.4,
    populationDataUsed: draw(input.code, 45) < (online ? 0.8 : 0.45),
    resultOnPaper,
    eResultIssued: finished && resultOnPaper ? draw(input.code, 411) < (late2023 ? 0.7 : 0.5) : null,
  }
}

export const DEMO_FLAG_COLUMNS = DOSSIER_FLAG_COLUMNS

/** The demo's dossiers with their flags. */
export function* withDemoFlags(inputs: Iterable<DossierInput>): Iterable<DossierInput> {
  for (const input of inputs) yield { ...input, flags: demoFlags(input) }
}

const CHANNELS = new WeightedTable<FeedbackChannel>([['online', 45], ['phone', 25], ['direct', 20], ['postal', 5], ['email', 5]])
const REACTIONS = new WeightedTable<FeedbackReaction>([['satisfied', 80], ['unsatisfied', 12], ['none', 8]])
const SUMMARIES = [
  'Hồ sơ trả kết quả chậm so với giấy hẹn',
  'Đề nghị hướng dẫn rõ thành phần hồ sơ',
  'Cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định',
  'Lệ phí thu không đúng mức niêm yết',
  'Không nộp được hồ sơ trực tuyến trên Cổng dịch vụ công',
  'Thái độ tiếp dân của cán bộ chưa đúng mực',
  'Đề nghị niêm yết công khai thủ tục tại bộ phận một cửa',
]

/**
 * Feedback received by Tứ Kỳ and its communes from `from` to `to` (a few a month each), with
 * their steps as the dates fall: most handled and made public in time, some late or still open.
 * Steps after the end of `to` have not happened yet.
 */
export function demoFeedback(units: readonly UnitInput[], from: LocalDate, to: LocalDate, seed: number): FeedbackInput[] {
  const end = vnInstant(parseIsoDay(to) + 1, 0)
  const items: FeedbackInput[] = []
  const inTuKy = units.filter((u) => u.code === TU_KY_CODE || u.parentCode === TU_KY_CODE)
  for (const unit of inTuKy) {
    let count = 0
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7)) {
      const random = new SeededRandom(mixSeed(seed, hashString(unit.code), hashString(month), 5))
      const n = random.poisson(unit.kind === 'district' ? 2.5 : 0.8)
      for (let k = 0; k < n; k++) {
        let day = parseIsoDay(`${month}-01`) + random.int(0, 27)
        while (!isWorkingDay(day)) day += 1
        const dayIso = isoOfDay(day)
        if (dayIso < from || dayIso > to) continue
        const receivedAt = vnInstant(day, 8 * 3600 + random.int(0, 8 * 3600))
        const later = (minDays: number, maxDays: number) => {
          const at = new Date(receivedAt.getTime() + random.int(minDays, maxDays) * 86_400_000 + random.int(0, 3) * 3_600_000)
          return at < end ? at : null
        }
        count += 1
        const classified = random.chance(0.85)
        const classification: FeedbackClassification = random.chance(0.6) ? 'rule' : 'official'
        const classifiedAt = classified ? later(0, 3) : null
        const rejected = random.chance(0.08)
        const rejectedAt = rejected ? later(1, 4) : null
        const supplementRequestedAt = !rejected && random.chance(0.15) ? later(2, 7) : null
        const handledAt = rejected ? null : later(supplementRequestedAt ? 8 : 5, random.chance(0.85) ? 20 : 30)
        const publishedAt = handledAt && random.chance(0.92) ? (() => {
          const at = new Date(handledAt.getTime() + random.int(0, 4) * 86_400_000)
          return at < end ? at : null
        })() : null
        const reaction = (handledAt || rejectedAt) && random.chance(0.6) ? REACTIONS.pick(random.next()) : null
        items.push({
          code: `PA-${dayIso.slice(2, 4)}${dayIso.slice(5, 7)}-${String(count).padStart(3, '0')}`,
          unitCode: unit.code,
          receivedAt,
          channel: CHANNELS.pick(random.next()),
          summary: SUMMARIES[random.int(0, SUMMARIES.length - 1)]!,
          procedureCode: null,
          dossierCode: null,
          classification: classifiedAt ? classification : null,
          classifiedAt,
          rejectedAt,
          supplementRequestedAt: supplementRequestedAt && handledAt && supplementRequestedAt > handledAt ? null : supplementRequestedAt,
          handledAt,
          publishedAt,
          reaction,
          repeated: random.chance(0.05),
        })
      }
    }
  }
  return items
}
