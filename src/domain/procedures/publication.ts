import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { addDays, type LocalDate } from '../time/local-date.js'

/*
 * The publication (công bố, công khai) of a procedure version: what Decision 766 scores in
 * 1.1–1.3, whether it uses population data (4.5a) and whether its fee can be paid online (3.5).
 * Every field is null when not known.
 */
export interface ProcedurePublication {
  /** Số quyết định công bố, e.g. `1234/QĐ-UBND`. */
  decisionNumber: string | null
  /** Ngày ban hành quyết định công bố. */
  decidedOn: LocalDate | null
  /** Ngày văn bản quy phạm pháp luật quy định thủ tục có hiệu lực. */
  legalBasisEffectiveOn: LocalDate | null
  /** Ngày công khai thủ tục (niêm yết, Cổng dịch vụ công). */
  madePublicOn: LocalDate | null
  /** Ngày cập nhật, công khai trên Cơ sở dữ liệu quốc gia về thủ tục hành chính. */
  nationalDbUpdatedOn: LocalDate | null
  /** Công khai đầy đủ các bộ phận (tên, trình tự, cách thức, thành phần, thời hạn, đối tượng, cơ quan). */
  allPartsPublished: boolean | null
  /** Thủ tục khai thác dữ liệu dân cư (Cơ sở dữ liệu quốc gia về dân cư, VNeID). */
  usesPopulationData: boolean | null
  /**
   * Tích hợp thanh toán trực tuyến: the fee can be paid online through the payment platform
   * (Decision 766 3.5, part B). Migration 008.
   */
  paymentIntegrated: boolean | null
}

export const UNKNOWN_PUBLICATION: ProcedurePublication = {
  decisionNumber: null, decidedOn: null, legalBasisEffectiveOn: null, madePublicOn: null, nationalDbUpdatedOn: null, allPartsPublished: null, usesPopulationData: null, paymentIntegrated: null,
}

/**
 * The deadlines 1.1 and 1.2 are judged by, in working days. INDICATORS.md does not give them;
 * these are the usual readings of the rules on controlling procedures (Nghị định 63/2010/NĐ-CP
 * as amended by 92/2017/NĐ-CP, Thông tư 02/2017/TT-VPCP) and must be checked against them:
 * - the deciding act is issued at least 5 working days before its legal basis takes effect;
 * - the procedure is updated and made public on the national database within 5 working days
 *   of the act.
 * Data, not code, so a corrected reading is an edit.
 */
export const PUBLICATION_DEADLINES = { decideBeforeEffective: 5, nationalDbAfterDecision: 5 } as const
export type PublicationDeadlines = { readonly decideBeforeEffective: number; readonly nationalDbAfterDecision: number }

/** The last day the act may be issued: N working days before the legal basis takes effect. */
export function decisionDeadline(calendar: WorkingCalendar, effectiveOn: LocalDate, rules: PublicationDeadlines = PUBLICATION_DEADLINES): LocalDate {
  let day = effectiveOn
  for (let k = 0; k < rules.decideBeforeEffective; k += 1) {
    do day = addDays(day, -1)
    while (!calendar.isWorkingDay(day))
  }
  return day
}

/** 1.1: issued on time (null when the dates it needs are not known). */
export function publishedOnTime(calendar: WorkingCalendar, p: ProcedurePublication, rules: PublicationDeadlines = PUBLICATION_DEADLINES): boolean | null {
  if (p.decidedOn === null || p.legalBasisEffectiveOn === null) return null
  return p.decidedOn <= decisionDeadline(calendar, p.legalBasisEffectiveOn, rules)
}

/** 1.2: on the national database in time after the act (null when not known). */
export function nationalDbOnTime(calendar: WorkingCalendar, p: ProcedurePublication, rules: PublicationDeadlines = PUBLICATION_DEADLINES): boolean | null {
  if (p.decidedOn === null || p.nationalDbUpdatedOn === null) return null
  return p.nationalDbUpdatedOn <= calendar.addWorkingDays(p.decidedOn, rules.nationalDbAfterDecision)
}
