/**
 * What each official did in a period, as the home affairs office grades officials by it
 * (đánh giá, xếp loại): each count is a condition on the dossiers' events and facts, defined
 * once here in words and once in SQL (modules/officials/official-workload.ts).
 */
export const WORKLOAD_COUNTS = [
  { key: 'received', title: 'Tiếp nhận', means: 'hồ sơ người này tiếp nhận trong kỳ' },
  { key: 'digitized', title: 'Số hóa đủ', means: 'trong số đó, hồ sơ đã số hóa đủ thành phần' },
  { key: 'handled', title: 'Đã giải quyết', means: 'hồ sơ được giao cho người này, có kết quả trong kỳ' },
  { key: 'late', title: 'Trễ hạn', means: 'trong số đó, hồ sơ có kết quả sau ngày hẹn trả' },
  { key: 'rated', title: 'Được đánh giá', means: 'trong số đó, hồ sơ được người dân đánh giá' },
  { key: 'approved', title: 'Phê duyệt', means: 'hồ sơ người này phê duyệt trong kỳ' },
] as const
export type WorkloadCount = (typeof WORKLOAD_COUNTS)[number]['key']

/** The roles whose accounts do the desk's work and are listed. */
export const WORKLOAD_ROLES = ['officer', 'specialist', 'leader'] as const
