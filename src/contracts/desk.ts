import { z } from 'zod'
import { EcertEntry, FileSignature } from './signatures.js'

/* The one-stop desk's answers (tag "Một cửa" in /docs). */

/** The Decision 766 facts as the dossier page shows them: each known (true/false) or not (null). */
export const DossierFlagsState = z.object({
  synced_national: z.boolean().nullable(),
  reused_data: z.boolean().nullable(),
  linked_data_store: z.boolean().nullable(),
  population_data_used: z.boolean().nullable(),
  result_on_paper: z.boolean().nullable(),
  e_result_issued: z.boolean().nullable(),
})

export const DeskFile = z.object({
  name: z.string(), size_bytes: z.number(), media_type: z.string(), uploaded_by: z.string(), uploaded_at: z.date(),
  signature: FileSignature.nullable().describe('Kết quả kiểm tra chữ ký số khi tải lên (chỉ tệp PDF)'),
})

export const DossierSummary = z.object({
  code: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  procedure_code: z.string(),
  procedure_name: z.string(),
  applicant_name: z.string().nullable(),
  applicant_id_number: z.string().nullable().describe('Che bớt nếu người xem không có quyền personal_data:read'),
  applicant_phone: z.string().nullable().describe('Che bớt nếu người xem không có quyền personal_data:read'),
  channel: z.string(),
  status: z.string(),
  status_label: z.string(),
  received_at: z.date(),
  due_at: z.date().nullable().describe('Ngày hẹn trả kết quả'),
  finished_at: z.date().nullable(),
  returned_at: z.date().nullable(),
  overdue: z.boolean(),
  components_total: z.number(),
  components_digitized: z.number(),
  result_digitized: z.boolean(),
  fee_vnd: z.number(),
  paid_online: z.boolean(),
  paid_at: z.date().nullable(),
  stage: z.string().nullable().describe('Trong lúc xử lý: awaiting_signature (trình ký), approved (đã phê duyệt)'),
  assignee_username: z.string().nullable().describe('Chuyên viên được giao xử lý'),
  assignee_name: z.string().nullable(),
  assigned_unit_code: z.string().nullable().describe('Đơn vị nhận hồ sơ khi chuyển xử lý'),
})

/** The dossier page: the dossier, its components and scans, fee, Decision 766 facts, timeline and next steps. */
export const DossierDetails = DossierSummary.extend({
  applicant_address: z.string().nullable(),
  components: z.array(z.object({
    position: z.number(), name: z.string(), required: z.boolean(), received: z.boolean(), digitized: z.boolean(), digitized_at: z.date().nullable(), file: DeskFile.nullable(),
  })),
  result_file: DeskFile.nullable(),
  may_apologize: z.boolean().describe('Hồ sơ trễ hạn, chưa trả: được lập phiếu xin lỗi và hẹn lại'),
  apologies: z.array(z.object({ reason: z.string(), new_due_on: z.string(), issued_at: z.date(), issued_by: z.string(), issued_by_name: z.string().nullable() }))
    .describe('Phiếu xin lỗi và hẹn lại ngày trả kết quả đã lập (hạn giải quyết theo quy định không đổi)'),
  flags: DossierFlagsState.describe('Thông tin cho Chỉ số 766; null = chưa biết'),
  events: z.array(z.object({
    seq: z.number(), type: z.string(), label: z.string(), at: z.date(), actor: z.string(), actor_name: z.string().nullable(), reason: z.string().nullable(),
    status_after: z.string(), status_after_label: z.string(),
    assignee: z.string().nullable().describe('Chuyển xử lý, phân công: chuyên viên được giao'), assigned_unit: z.string().nullable(),
  })),
  allowed_next_events: z.array(z.object({ type: z.string(), label: z.string(), reason_required: z.boolean() })),
  ecert_copies: z.array(EcertEntry).describe('Chứng thực bản sao điện tử từ bản chính của hồ sơ (sổ chứng thực)'),
})

/** A procedure the desk can receive, with its components (GET /api/v1/procedures). */
export const ProcedureChoice = z.object({
  code: z.string(), version: z.number(), name: z.string(), field: z.string().nullable(), level: z.string(), online_level: z.string(),
  processing_days: z.number(), fee_vnd: z.number(), cutoff_time: z.string().nullable(), publicly_listed: z.boolean(),
  components: z.array(z.object({ position: z.number(), name: z.string(), required: z.boolean() })),
})

/** A page of a desk queue (GET /api/v1/dossiers). */
export const QueuePage = z.object({ total: z.number(), page: z.number(), page_size: z.number(), items: z.array(DossierSummary) })

/** A dossier with no step for several working days, and the official holding it (the one who took its last step). */
export const StuckDossier = z.object({
  code: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  procedure_name: z.string(),
  channel: z.string(),
  status: z.string(),
  status_label: z.string(),
  due_at: z.date().nullable(),
  last_step: z.string(),
  last_step_at: z.date(),
  holder: z.string().describe('Người thực hiện bước cuối cùng: người đang giữ hồ sơ'),
  working_days_silent: z.number().describe('Số ngày làm việc không có bước xử lý nào'),
})
