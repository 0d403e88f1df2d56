import type { z } from 'zod'
import type {
  CertificateImportReport as ImportReportSchema,
  Official as OfficialSchema,
  RegistryListAnswer as ListAnswerSchema,
  RegistryScope as ScopeSchema,
} from '../../../src/contracts/officials.js'
import type { Json } from '../../../src/contracts/json.js'
import { CERTIFICATE_STAGE_LABELS, CERTIFICATE_STAGES, type CertificateStage } from '../../../src/domain/officials/certificate-stage.js'
import { REGISTRY_LIST_TITLES, REGISTRY_LISTS, type RegistryList } from '../../../src/domain/officials/registry-lists.js'
import { request } from '../shared/api.js'

/** /api/v1/officials…: the registry of officials, typed from the server's schemas. */
export type Official = Json<z.infer<typeof OfficialSchema>>
export type RegistryScope = Json<z.infer<typeof ScopeSchema>>
export type RegistryListAnswer = Json<z.infer<typeof ListAnswerSchema>>
export type CertificateImportReport = Json<z.infer<typeof ImportReportSchema>>
export { CERTIFICATE_STAGE_LABELS, CERTIFICATE_STAGES, REGISTRY_LIST_TITLES, REGISTRY_LISTS, type CertificateStage, type RegistryList }

export interface OfficialFields {
  full_name: string
  position?: string | null
  identity_number?: string | null
  handles_dossiers?: boolean
  national_portal_account?: string | null
  ecert_right?: boolean
  certificate_stage?: CertificateStage
}

export interface UploadedFile {
  file_name: string
  content_base64: string
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {})

export const officialsApi = {
  scope: (signal?: AbortSignal) => request<RegistryScope>('GET', '/api/v1/officials/scope', withSignal(signal)),
  list: (unit: string, signal?: AbortSignal) => request<Official[]>('GET', '/api/v1/officials', { query: { unit }, ...withSignal(signal) }),
  create: (unit: string, fields: OfficialFields) => request<Official>('POST', '/api/v1/officials', { body: { unit, ...fields } }),
  update: (id: number, fields: Partial<OfficialFields>) => request<Official>('PATCH', `/api/v1/officials/${id}`, { body: fields }),
  registryList: (list: RegistryList, unit: string, signal?: AbortSignal) => request<RegistryListAnswer>('GET', `/api/v1/officials/lists/${list}`, { query: { unit }, ...withSignal(signal) }),
  listXlsxUrl: (list: RegistryList, unit: string) => `/api/v1/officials/lists/${list}/xlsx?unit=${encodeURIComponent(unit)}`,
  importCertificates: (body: { files: UploadedFile[]; dry_run: boolean; password?: string; unit?: string }) => request<CertificateImportReport>('POST', '/api/v1/officials/certificate-import', { body }),
}

/** Short names of the lists, for buttons. */
export const LIST_SHORT_LABELS: Record<RegistryList, string> = {
  'missing-certificate-or-account': 'Chưa có chữ ký số hoặc tài khoản',
  'account-without-ecert-right': 'Chưa có quyền chứng thực điện tử',
  'expiring-soon': 'Chứng thư hết hạn trong 30 ngày',
}

export const registryPrintPath = (list: RegistryList, unit: string) => `/can-bo/in/${list}?unit=${encodeURIComponent(unit)}`

/** A certificate's state as the list shows it: expired, expiring within 30 days, or valid. */
export function certificateState(o: Official, now = new Date()): 'none' | 'expired' | 'expiring' | 'valid' {
  if (!o.certificate) return 'none'
  const end = new Date(o.certificate.valid_to).getTime()
  if (end < now.getTime()) return 'expired'
  return end < now.getTime() + 30 * 86_400_000 ? 'expiring' : 'valid'
}

const CERTIFICATE_EXTENSIONS = /\.(cer|crt|pem|der|p12|pfx|zip)$/i
const MAX_FILE_BYTES = 8 * 1024 * 1024

/** A chosen file as the import takes it (base64), or why it is left out. */
export async function readCertificateUpload(file: File): Promise<UploadedFile | { error: string }> {
  if (!CERTIFICATE_EXTENSIONS.test(file.name)) return { error: `Tệp "${file.name}" không phải chứng thư số (.cer, .crt, .pem, .der, .p12, .pfx) hay tệp .zip.` }
  if (file.size === 0) return { error: `Tệp "${file.name}" rỗng.` }
  if (file.size > MAX_FILE_BYTES) return { error: `Tệp "${file.name}" quá lớn.` }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  const name = file.name.replace(/[/\\\u0000-\u001f]/g, '_').replace(/^\.+/, '')
  return { file_name: name, content_base64: btoa(binary) }
}
