/**
 * A document of the People's Committee in the layout of Decree 30/2020/NĐ-CP, as data: what
 * the DOCX writer lays out. Letters and reports are both composed into it, from templates
 * and figures, by pure functions; only the writer knows about fonts and twips.
 */

/** A block of the body, in reading order. */
export type Block =
  /** A body paragraph: justified, first line indented. */
  | { kind: 'paragraph'; text: string }
  /** A section heading inside the body: "I. KẾT QUẢ TRONG KỲ". */
  | { kind: 'heading'; text: string }
  /** A table with a header row; `widths` in percent of the text width. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[]; emphasisRows?: number[] }

export interface OfficialDocument {
  /** The authority the issuer belongs to, when the issuer is one of its offices: "UBND HUYỆN TỨ KỲ". */
  issuerParent?: string
  /** The issuing authority, upper case, one line each: ["ỦY BAN NHÂN DÂN", "HUYỆN TỨ KỲ"]. */
  issuer: string[]
  /** "Số: 1262/UBND-VP", or "Số:      /UBND-VP" in a draft the office numbers when it is signed. */
  numberLine: string
  /** "Tứ Kỳ, ngày 15 tháng 9 năm 2022". */
  placeDate: string
  /** A letter's "V/v …" lines under its number. */
  subject: string[]
  /** A report's name and what it is about, centred above the body: "BÁO CÁO", "Kết quả …". */
  title?: { name: string; lines: string[] }
  /** "Kính gửi:" and whom; empty when the document has none (a report may not). */
  recipients: string[]
  body: Block[]
  /** The last line of the body: "Yêu cầu nghiêm túc triển khai thực hiện./.". */
  closing?: string
  /** "Nơi nhận:" items, each as written after its dash. */
  copiesTo: string[]
  signer: { authority: string[]; name: string }
  /** A landscape appendix after the signature: "PHỤ LỤC" and its table. */
  appendix?: { title: string; lines: string[]; table: Extract<Block, { kind: 'table' }>; notes: string[] }
}

/** "Số: 1262/UBND-VP"; with no number yet, room for the office to write it by hand. */
export function numberLine(number: string, symbol: string): string {
  const trimmed = number.trim()
  return `Số: ${trimmed === '' ? '\u00a0'.repeat(8) : trimmed}/${symbol}`
}
