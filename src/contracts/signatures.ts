import { z } from 'zod'
import { SIGNATURE_STATUSES } from '../domain/signatures/signature-verdict.js'

/* Signed files, signing credentials and the certification register (tag "Chữ ký số" in /docs). */

/** The verdict on a stored PDF's signature, checked when it came in. */
export const FileSignature = z.object({
  status: z.enum(SIGNATURE_STATUSES as [string, ...string[]]).describe('valid, changed, untrusted, expired, unsigned'),
  label: z.string(),
  reason: z.string(),
  signer_name: z.string().nullable(),
  signer_issuer: z.string().nullable(),
  signed_at: z.date().nullable(),
  certificate_valid_to: z.date().nullable(),
  checked_at: z.date(),
})

/** One certification of a dossier (a line of the certification register). */
export const EcertEntry = z.object({
  number: z.number(), year: z.number(), label: z.string(), document_name: z.string(), copies: z.number(), fee_vnd: z.number(), signer_name: z.string(), certified_at: z.date(),
  copy_signature: FileSignature.nullable(),
})

export const UnitCredential = z.object({ unit: z.string(), subject: z.string(), serial: z.string(), valid_from: z.date(), valid_to: z.date() })

export const EcertRegister = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  year: z.number(),
  entries: z.array(z.object({
    number: z.number(), certified_at: z.date(), certified_on: z.string(), applicant_name: z.string().nullable(), document_name: z.string(), copies: z.number(),
    signer_name: z.string(), fee_vnd: z.number(), dossier_code: z.string(),
  })),
  total_copies: z.number(),
  total_fee_vnd: z.number(),
})
