import { X509Certificate } from 'node:crypto'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

export interface CertificateFacts {
  der: Buffer
  serial: string
  subject: string
  issuer: string
  validFrom: Date
  validTo: Date
}

/** The largest certificate file accepted: real ones are 1–3 KB. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024

/**
 * Reads a digital-signature certificate (chứng thư số) from an uploaded file, PEM or DER, with
 * Node's X.509 parser: who it was issued to, by whom, and from when to when it is valid.
 */
export function readCertificate(content: Buffer): CertificateFacts {
  if (content.length === 0 || content.length > MAX_CERTIFICATE_BYTES) {
    throw new AppError(ErrorCode.validation, 'bad certificate size', `Tệp chứng thư số phải có kích thước từ 1 byte đến ${MAX_CERTIFICATE_BYTES / 1024} KB`)
  }
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(content)
  } catch {
    throw new AppError(ErrorCode.validation, 'not an X.509 certificate', 'Tệp tải lên không phải chứng thư số hợp lệ (định dạng X.509, .cer/.crt/.pem)')
  }
  return {
    der: certificate.raw,
    serial: certificate.serialNumber,
    subject: certificate.subject.replaceAll('\n', ', '),
    issuer: certificate.issuer.replaceAll('\n', ', '),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
  }
}
