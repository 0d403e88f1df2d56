import { formatCount } from '../shared/format.js'

export const ONLINE_LEVEL_LABELS: Record<string, string> = {
  full: 'Trực tuyến toàn trình',
  partial: 'Trực tuyến một phần',
  none: 'Không trực tuyến',
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** 3 → "3 ngày làm việc", 0.5 → "0,5 ngày làm việc", 0 → "Trong ngày". */
export function formatWorkingDays(days: number): string {
  return days === 0 ? 'Trong ngày' : `${decimal.format(days)} ngày làm việc`
}

export function formatMoney(vnd: number): string {
  return vnd ? `${formatCount(vnd)} đồng` : 'Không thu'
}

/** Why an action needs words: the rules ask for the reason of these steps, and the slips print it. */
export const REASON_PROMPTS: Record<string, string> = {
  request_supplement: 'Nội dung cần bổ sung, hoàn thiện (in trên phiếu yêu cầu bổ sung)',
  pause: 'Lý do tạm dừng xử lý',
  reject: 'Lý do từ chối giải quyết (in trên phiếu từ chối)',
  withdraw: 'Lý do công dân rút hồ sơ',
}
