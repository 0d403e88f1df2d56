import type { X509Certificate } from 'node:crypto'
import { FileMediaType } from '../../domain/files/uploaded-file.js'
import type { SignatureVerdict } from '../../domain/signatures/signature-verdict.js'
import { verifyPdfSignature } from './verify-pdf.js'

/** What signing and checking need, loaded once at start: the trust anchors and the key that seals credentials. */
export interface SignatureSetup {
  anchors: readonly X509Certificate[]
  sealingKey: Buffer
}

/** The verdict on an uploaded file: PDFs are checked (an unsigned one says so); images carry no signature to check. */
export function checkUploadSignature(setup: SignatureSetup, bytes: Uint8Array, mediaType: string, now = new Date()): SignatureVerdict | null {
  return mediaType === FileMediaType.pdf ? verifyPdfSignature(bytes, setup.anchors, now) : null
}
