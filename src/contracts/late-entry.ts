import { z } from 'zod'

/** A time entered late (nhập bù): shown beside the item, flagged "Nhập bù" in the console. */
export const LateEntry = z.object({
  id: z.string(),
  field: z.string().describe('Cột thời điểm được nhập bù: submitted_at, received_at, handled_at, published_at…'),
  claimed_at: z.date().describe('Thời điểm đơn vị khai'),
  recorded_at: z.date().describe('Thời điểm nhập vào hệ thống'),
  recorded_by: z.string(),
  reason: z.string().describe('Lý do nhập bù'),
  confirmed_by: z.string().nullable(),
  confirmed_at: z.date().nullable(),
  counts_from: z.enum(['claimed_at', 'recorded_at']).describe('Thời điểm số liệu dùng: thời điểm nhập cho đến khi được xác nhận'),
})
