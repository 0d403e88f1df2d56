import { DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier-status.js'

/**
 * The dossier tracking book (sổ theo dõi hồ sơ) as one-stop shops keep it: which dossiers a
 * page lists, its columns, and the note a row carries. Pure: the module reads the rows.
 */
export const TrackingBookKind = {
  received: 'received', // tiếp nhận trong kỳ
  handedOver: 'handed_over', // chuyển xử lý trong kỳ
  returned: 'returned', // trả kết quả trong kỳ
  late: 'late', // trễ hạn: có kết quả sau hạn trong kỳ, hoặc đến cuối kỳ chưa có kết quả mà đã quá hạn
  all: 'all', // có tiếp nhận, chuyển hoặc trả trong kỳ
} as const
export type TrackingBookKind = (typeof TrackingBookKind)[keyof typeof TrackingBookKind]
export const TRACKING_BOOK_KINDS = Object.values(TrackingBookKind) as readonly TrackingBookKind[]

export const TRACKING_BOOK_KIND_LABELS: Record<TrackingBookKind, string> = {
  received: 'Hồ sơ tiếp nhận',
  handed_over: 'Hồ sơ chuyển xử lý',
  returned: 'Hồ sơ trả kết quả',
  late: 'Hồ sơ trễ hạn',
  all: 'Hồ sơ tiếp nhận, chuyển xử lý, trả kết quả',
}

/** The book's columns, in the order offices keep them. */
export const TRACKING_BOOK_COLUMNS = [
  { key: 'position', title: 'STT', width: 6 },
  { key: 'code', title: 'Mã hồ sơ', width: 22 },
  { key: 'procedure_name', title: 'Tên thủ tục hành chính', width: 36 },
  { key: 'applicant_name', title: 'Người nộp', width: 22 },
  { key: 'contact', title: 'Địa chỉ, số điện thoại', width: 30 },
  { key: 'received_on', title: 'Ngày nhận', width: 12 },
  { key: 'due_on', title: 'Ngày hẹn trả', width: 12 },
  { key: 'handed_over_on', title: 'Ngày chuyển', width: 12 },
  { key: 'handler', title: 'Người xử lý', width: 22 },
  { key: 'returned_on', title: 'Ngày trả', width: 12 },
  { key: 'note', title: 'Ghi chú', width: 24 },
] as const
export type TrackingBookColumn = (typeof TRACKING_BOOK_COLUMNS)[number]['key']

/** "29/04/2022": the book's dates, day and month on two digits. */
export function formatBookDate(date: string | null): string {
  if (date === null) return ''
  const [year, month, day] = date.split('-')
  return `${day}/${month}/${year}`
}

/** Late: the result came after the due time, or there is none at the book's end and the due time has passed. */
export function isLateAt(dossier: { dueAt: Date | null; finishedAt: Date | null; status: DossierStatus }, bookEnd: Date): boolean {
  if (dossier.dueAt === null || dossier.status === 'rejected' || dossier.status === 'withdrawn') return false
  const done = dossier.finishedAt !== null && dossier.finishedAt.getTime() <= bookEnd.getTime() ? dossier.finishedAt : null
  return done !== null ? done.getTime() > dossier.dueAt.getTime() : dossier.dueAt.getTime() < bookEnd.getTime()
}

/** The note column: "Trễ hạn" first, then an end other than a result, or a wait on the applicant. */
export function bookNote(late: boolean, status: DossierStatus): string {
  const words: string[] = []
  if (late) words.push('Trễ hạn')
  if (status === 'rejected' || status === 'withdrawn' || status === 'supplement' || status === 'paused') words.push(DOSSIER_STATUS_LABELS[status])
  return words.join('; ')
}

/** The line under the book: how many dossiers, and how many of them late. */
export function bookTotals(rows: readonly { late: boolean }[]): string {
  const late = rows.filter((r) => r.late).length
  return `Tổng cộng: ${rows.length.toLocaleString('vi-VN')} hồ sơ, trong đó ${late.toLocaleString('vi-VN')} hồ sơ trễ hạn`
}
