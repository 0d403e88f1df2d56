import { z } from 'zod'
import { CERTIFICATE_STAGES, type CertificateStage } from '../domain/officials/certificate-stage.js'
import { REGISTRY_LISTS, type RegistryList } from '../domain/officials/registry-lists.js'
import { UnitListItem } from './units.js'

export const CertificateStageValue = z.enum(CERTIFICATE_STAGES as [CertificateStage, ...CertificateStage[]])
export const RegistryListValue = z.enum(REGISTRY_LISTS as [RegistryList, ...RegistryList[]])

/** An official of the registry: unit, role in the one-stop shop, identity, portal account, e-certification right, certificate. */
export const Official = z.object({
  id: z.number(),
  unit_code: z.string(),
  unit_name: z.string(),
  full_name: z.string(),
  position: z.string().nullable(),
  identity_number: z.string().nullable().describe('Số CMND (9 số) hoặc CCCD (12 số): để khớp chứng thư số khi nhập hàng loạt'),
  handles_dossiers: z.boolean(),
  national_portal_account: z.string().nullable(),
  ecert_right: z.boolean(),
  certificate_stage: CertificateStageValue.describe('none → registered → issued → handed_out → installed'),
  certificate_stage_at: z.date().nullable(),
  certificate: z
    .object({ serial: z.string(), subject: z.string(), issuer: z.string(), uid: z.string().nullable(), valid_from: z.date(), valid_to: z.date(), registered_at: z.date().nullable() })
    .nullable(),
})

/** The units whose registry the caller keeps (a district office: the whole district). */
export const RegistryScope = z.object({
  unit_code: z.string().describe('Gốc của phạm vi: đơn vị của tài khoản, hoặc huyện của phòng chuyên môn'),
  units: z.array(UnitListItem),
})

export const RegistryListRow = z.object({
  id: z.number(),
  unit_code: z.string(),
  unit_name: z.string(),
  full_name: z.string(),
  position: z.string().nullable(),
  national_portal_account: z.string().nullable(),
  certificate_stage: z.string(),
  certificate_valid_to: z.string().nullable().describe('d/m/yyyy'),
  note: z.string(),
})

export const RegistryListAnswer = z.object({ list: RegistryListValue, title: z.string(), unit_code: z.string(), unit_name: z.string(), on: z.string(), rows: z.array(RegistryListRow) })

export const CertificateImportReport = z.object({
  dry_run: z.boolean(),
  applied: z.boolean().describe('Đã ghi vào danh sách: không bao giờ khi chạy thử hoặc khi có tệp lỗi, không khớp'),
  matched: z.array(
    z.object({
      file: z.string(), official_id: z.number(), full_name: z.string(), unit_code: z.string(), matched_by: z.enum(['identity_number', 'name']),
      common_name: z.string().nullable(), serial: z.string(), valid_to: z.date(), expired: z.boolean(), expiring_soon: z.boolean(),
    }),
  ),
  unmatched: z.array(z.object({ file: z.string(), common_name: z.string().nullable(), identity_number: z.string().nullable(), reason: z.string() })),
  invalid: z.array(z.object({ file: z.string(), reason: z.string() })),
})
