import type { z } from 'zod'
import type { EcertRegister as EcertRegisterSchema, FileSignature as FileSignatureSchema } from '../../../src/contracts/signatures.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'
import type { DossierDetails, Upload } from '../desk/desk-api.js'

/** Signatures and the certification register (see /docs, tag "Chữ ký số"), typed from the server's schemas. */
export type FileSignature = Json<z.infer<typeof FileSignatureSchema>>
export type EcertRegister = Json<z.infer<typeof EcertRegisterSchema>>

export interface EcertRequest extends Upload {
  document_name: string
  copies: number
  fee_vnd: number
}

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`

export const signaturesApi = {
  signResult: (code: string) => request<DossierDetails>('POST', `${path(code)}/result/sign`, { body: {} }),
  certifyCopy: (code: string, body: EcertRequest) => request<DossierDetails>('POST', `${path(code)}/ecert-copies`, { body }),
  register: (unit: string, year: number, signal?: AbortSignal) => request<EcertRegister>('GET', '/api/v1/ecert-register', { query: { unit, year }, ...(signal ? { signal } : {}) }),
  registerXlsxUrl: (unit: string, year: number) => `/api/v1/ecert-register.xlsx?unit=${encodeURIComponent(unit)}&year=${year}`,
}

/** The register's print view: /mot-cua/so-chung-thuc?don-vi=…&nam=…. */
export const ecertRegisterPath = (unit: string, year: number) => `/mot-cua/so-chung-thuc?don-vi=${encodeURIComponent(unit)}&nam=${year}`
