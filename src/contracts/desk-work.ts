import { z } from 'zod'

/* The desk's work by person (issue 15): hand-over choices. Tag "Một cửa" in /docs. */

/** A unit a dossier may be handed to and its active specialists. */
export const HandOverUnit = z.object({
  code: z.string(),
  name: z.string(),
  specialists: z.array(z.object({ username: z.string(), display_name: z.string() })),
})

/** A row of the tracking book (sổ theo dõi hồ sơ): dates dd/mm/yyyy, as the book prints them. */
export const TrackingBookRow = z.object({
  position: z.number().describe('STT'),
  code: z.string(),
  procedure_code: z.string(),
  procedure_name: z.string(),
  applicant_name: z.string(),
  contact: z.string().describe('Địa chỉ — số điện thoại (che bớt nếu người xem không có quyền personal_data:read)'),
  received_on: z.string(),
  due_on: z.string(),
  handed_over_on: z.string(),
  handler: z.string().describe('Người xử lý: chuyên viên được giao, hoặc đơn vị nhận khi chưa phân công'),
  returned_on: z.string(),
  late: z.boolean(),
  status: z.string(),
  status_label: z.string(),
  note: z.string(),
})

/** GET /api/v1/tracking-book: the book of a unit for a period. */
export const TrackingBook = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  period_label: z.string(),
  kind: z.string(),
  kind_label: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
  rows: z.array(TrackingBookRow),
})

/** GET /api/v1/official-workload: per official of a unit's subtree, what they did in a period. */
export const OfficialWorkload = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  period_label: z.string(),
  rows: z.array(z.object({
    position: z.number(),
    username: z.string(),
    display_name: z.string(),
    role: z.string(),
    role_label: z.string(),
    active: z.boolean(),
    unit_code: z.string(),
    unit_name: z.string(),
    received: z.number().describe('Hồ sơ người này tiếp nhận trong kỳ'),
    digitized: z.number().describe('Trong số đó, số hóa đủ thành phần'),
    handled: z.number().describe('Hồ sơ được giao cho người này, có kết quả trong kỳ'),
    late: z.number().describe('Trong số đó, có kết quả sau ngày hẹn trả'),
    rated: z.number().describe('Trong số đó, được người dân đánh giá'),
    approved: z.number().describe('Hồ sơ người này phê duyệt trong kỳ'),
  })),
})
