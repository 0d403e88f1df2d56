import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { SignPdf } from '@signpdf/signpdf'
import { PDFDocument } from 'pdf-lib'
import { stampLines } from '../../domain/signatures/signature-verdict.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { CadesSigner } from './cms-signer.js'
import { openPkcs12, type SigningCredential } from './pkcs12.js'
import { drawStamp } from './visible-stamp.js'

/** Room for the CMS (certificate chain included) in /Contents. */
const SIGNATURE_LENGTH = 16_384

export interface SignOptions {
  reason?: string
  /** Defaults to now. */
  signedAt?: Date
  /** Lines above "Ký bởi" in the stamp (a certified copy's statement and number). */
  statement?: readonly string[]
  /** The name in the stamp; defaults to the certificate's common name. */
  signerName?: string
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false })
  } catch (error) {
    throw new AppError(ErrorCode.validation, `unreadable PDF: ${(error as Error).message}`, 'Tệp không phải PDF đọc được (hỏng hoặc bị mã hóa)')
  }
}

/**
 * Signs a PDF (PAdES: ETSI.CAdES.detached, SHA-256) with a PKCS#12 credential (its CMS from cms-signer.ts): the visible stamp
 * on the last page, a signature field over it, the CMS with the signing time and the chain in
 * the PKCS#12. A file signed before is refused rather than silently re-saved (its earlier
 * signature would break).
 */
export async function signPdf(pdf: Uint8Array, credential: SigningCredential, options: SignOptions = {}): Promise<Buffer> {
  if (Buffer.from(pdf).includes('/ByteRange')) {
    throw new AppError(ErrorCode.conflict, 'already signed', 'Tệp đã có chữ ký số; không ký chồng lên chữ ký cũ')
  }
  const opened = openPkcs12(credential)
  const certificate = opened.certificate
  const signedAt = options.signedAt ?? new Date()
  if (signedAt < certificate.validFrom || signedAt > certificate.validTo) {
    throw new AppError(ErrorCode.conflict, 'certificate outside validity', `Chứng thư số của ${certificate.name} không còn hiệu lực (hết hạn hoặc chưa đến ngày hiệu lực), không thể ký`)
  }
  const name = options.signerName ?? certificate.name
  const doc = await loadPdf(pdf)
  const widgetRect = await drawStamp(doc, [...(options.statement ?? []), ...stampLines(name, signedAt)])
  pdflibAddPlaceholder({
    pdfDoc: doc, pdfPage: doc.getPage(doc.getPageCount() - 1), reason: options.reason ?? 'Ký số kết quả giải quyết thủ tục hành chính', contactInfo: '', name, location: 'Việt Nam',
    signingTime: signedAt, signatureLength: SIGNATURE_LENGTH, subFilter: 'ETSI.CAdES.detached', widgetRect, appName: 'motcua',
  })
  const prepared = await doc.save({ useObjectStreams: false })
  return new SignPdf().sign(Buffer.from(prepared), new CadesSigner(opened), signedAt)
}
