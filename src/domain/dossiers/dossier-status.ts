/** The statuses of INTERCHANGE.md; overdue is a fact about dates, not a status. */
export const DossierStatus = {
  received: 'received', // đã tiếp nhận
  processing: 'processing', // đang xử lý
  supplement: 'supplement', // chờ bổ sung
  paused: 'paused', // tạm dừng
  finished: 'finished', // đã xử lý xong (có kết quả)
  returned: 'returned', // đã trả kết quả
  rejected: 'rejected', // từ chối
  withdrawn: 'withdrawn', // rút hồ sơ
} as const
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus]
export const DOSSIER_STATUSES = Object.values(DossierStatus) as readonly DossierStatus[]

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  supplement: 'Chờ bổ sung',
  paused: 'Tạm dừng',
  finished: 'Đã xử lý xong',
  returned: 'Đã trả kết quả',
  rejected: 'Từ chối',
  withdrawn: 'Rút hồ sơ',
}

/** Statuses in which the legal clock does not run. */
export const CLOCK_STOPPED_STATUSES: readonly DossierStatus[] = ['supplement', 'paused']

/** A dossier in one of these has ended; no further status change is allowed at the desk. */
export const TERMINAL_STATUSES: readonly DossierStatus[] = ['returned', 'rejected', 'withdrawn']

/** Finished-based indicators count only these (INDICATORS.md). */
export const COMPLETED_STATUSES: readonly DossierStatus[] = ['finished', 'returned']

export const Channel = {
  online: 'online', // trực tuyến
  direct: 'direct', // trực tiếp
  postal: 'postal', // bưu chính công ích
} as const
export type Channel = (typeof Channel)[keyof typeof Channel]
export const CHANNELS = Object.values(Channel) as readonly Channel[]

export const CHANNEL_LABELS: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
}

export const Rating = {
  verySatisfied: 'very_satisfied',
  satisfied: 'satisfied',
  dissatisfied: 'dissatisfied',
} as const
export type Rating = (typeof Rating)[keyof typeof Rating]
export const RATINGS = Object.values(Rating) as readonly Rating[]
