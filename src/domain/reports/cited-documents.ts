import { isLocalDate, type LocalDate } from '../time/local-date.js'
import { letterDate } from './letter-dates.js'

/**
 * What a letter cites: the plans and decisions it carries out ("Thực hiện Kế hoạch số
 * 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh Hải Dương …"), per issuing unit, topic and year,
 * and the unit's own earlier letters on the topic ("chỉ đạo của UBND huyện tại Công văn số
 * 1219/UBND-VP ngày 12/9/2022"). Data, so a 2023 letter cites 2023's plan and a recorded letter
 * is cited by the next one.
 */
export type CitedRole = 'basis' | 'letter'

export interface CitedDocument {
  topic: string
  /** The year it applies to: a plan for 2022 may be dated 24/12/2021. */
  year: number
  role: CitedRole
  /** "Kế hoạch", "Quyết định", "Công văn". */
  docType: string
  /** "4707/KH-UBND". */
  number: string
  issuedOn: LocalDate
  /** "UBND tỉnh Hải Dương"; empty for the unit's own letters. */
  issuer: string
  /** "về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022". */
  about: string
  /** Order among the year's basis documents. */
  position: number
}

export interface LetterCitations {
  basis: CitedDocument[]
  /** The latest letter of the unit on the topic before this one, in the same year. */
  previousLetter: CitedDocument | null
}

export const TOPIC_PATTERN = /^[a-z0-9_-]{1,40}$/

/** "Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh Hải Dương về …". */
export function citeDocument(doc: Pick<CitedDocument, 'docType' | 'number' | 'issuedOn' | 'issuer' | 'about'>, withIssuerAndSubject = true): string {
  const head = `${doc.docType} số ${doc.number} ngày ${letterDate(doc.issuedOn)}`
  if (!withIssuerAndSubject) return head
  return [head, doc.issuer.trim() ? `của ${doc.issuer.trim()}` : '', doc.about.trim()].filter(Boolean).join(' ')
}

/** The documents a letter of `topic` for `year`, dated `letterDate`, cites. */
export function pickCitations(documents: readonly CitedDocument[], letter: { topic: string; year: number; date: LocalDate }): LetterCitations {
  const mine = documents.filter((d) => d.topic === letter.topic && d.year === letter.year)
  const basis = mine
    .filter((d) => d.role === 'basis')
    .sort((a, b) => a.position - b.position || a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number))
  // A letter cites letters sent before it, never itself or a later one.
  const earlier = mine.filter((d) => d.role === 'letter' && d.issuedOn < letter.date).sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number))
  return { basis, previousLetter: earlier[0] ?? null }
}

/** The placeholders of the citations: `{basis_documents}`, `{previous_letter}`. Empty when there is none. */
export function citationValues(citations: LetterCitations | undefined): Record<string, string> {
  return {
    basis_documents: (citations?.basis ?? []).map((d) => citeDocument(d)).join('; '),
    previous_letter: citations?.previousLetter ? citeDocument(citations.previousLetter, false) : '',
  }
}

export interface CitedRuleBreak {
  field: 'topic' | 'year' | 'doc_type' | 'number' | 'issued_on' | 'issuer' | 'about'
  reason: string
}

/** The rules a cited document meets, whichever way it comes in. */
export function checkCitedDocument(doc: CitedDocument): CitedRuleBreak[] {
  const breaks: CitedRuleBreak[] = []
  if (!TOPIC_PATTERN.test(doc.topic)) breaks.push({ field: 'topic', reason: 'chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới (ví dụ digitization)' })
  if (!Number.isInteger(doc.year) || doc.year < 2000 || doc.year > 2200) breaks.push({ field: 'year', reason: 'năm phải từ 2000 đến 2200' })
  if (doc.docType.trim() === '' || doc.docType.length > 60) breaks.push({ field: 'doc_type', reason: 'ghi loại văn bản (Kế hoạch, Quyết định, Công văn…), tối đa 60 ký tự' })
  if (doc.number.trim() === '' || doc.number.length > 60) breaks.push({ field: 'number', reason: 'ghi số, ký hiệu văn bản (ví dụ 1219/UBND-VP), tối đa 60 ký tự' })
  if (!isLocalDate(doc.issuedOn)) breaks.push({ field: 'issued_on', reason: 'ngày ban hành không hợp lệ (YYYY-MM-DD)' })
  if (doc.issuer.length > 200) breaks.push({ field: 'issuer', reason: 'cơ quan ban hành tối đa 200 ký tự' })
  if (doc.about.length > 1000) breaks.push({ field: 'about', reason: 'trích yếu tối đa 1000 ký tự' })
  return breaks
}
