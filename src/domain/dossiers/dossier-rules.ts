import type { DossierInput } from './dossier-input.js'

export interface BrokenRule {
  field: 'finished_at' | 'returned_at' | 'components_digitized' | 'paid_online'
  value: string
  reason: string
}

const iso = (date: Date | null) => date?.toISOString() ?? ''

/** The rules a dossier's facts must meet together (INTERCHANGE.md), whatever brought them in. */
export function checkDossierRules(d: DossierInput): BrokenRule[] {
  const broken: BrokenRule[] = []
  if ((d.status === 'finished' || d.status === 'returned') && d.finishedAt === null) {
    broken.push({ field: 'finished_at', value: '', reason: 'hồ sơ đã xử lý xong hoặc đã trả kết quả phải có ngày có kết quả' })
  }
  if (d.finishedAt !== null && d.finishedAt < d.receivedAt) {
    broken.push({ field: 'finished_at', value: iso(d.finishedAt), reason: 'ngày có kết quả trước ngày tiếp nhận' })
  }
  if (d.returnedAt !== null && d.finishedAt === null) {
    broken.push({ field: 'returned_at', value: iso(d.returnedAt), reason: 'có ngày trả kết quả nhưng thiếu ngày có kết quả' })
  }
  if (d.returnedAt !== null && d.finishedAt !== null && d.returnedAt < d.finishedAt) {
    broken.push({ field: 'returned_at', value: iso(d.returnedAt), reason: 'ngày trả kết quả trước ngày có kết quả' })
  }
  if (d.componentsDigitized > d.componentsTotal) {
    broken.push({ field: 'components_digitized', value: String(d.componentsDigitized), reason: `số thành phần đã số hóa lớn hơn tổng số thành phần (${d.componentsTotal})` })
  }
  if (d.paidOnline && d.feeVnd <= 0) {
    broken.push({ field: 'paid_online', value: 'true', reason: 'thanh toán trực tuyến nhưng hồ sơ không có phí, lệ phí' })
  }
  return broken
}
