import forge from 'node-forge'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { P12Signer } from '@signpdf/signer-p12'
import { SignPdf } from '@signpdf/signpdf'

/** A self-signed certificate and key for "Nguyen Van An", as a PKCS#12 file with a passphrase. */
function selfSignedP12(passphrase: string): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(2048)
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = keys.publicKey
  certificate.serialNumber = '0a1b2c'
  certificate.validity.notBefore = new Date(Date.UTC(2026, 0, 1))
  certificate.validity.notAfter = new Date(Date.UTC(2036, 0, 1))
  const subject = [{ name: 'commonName', value: 'Nguyen Van An' }, { name: 'countryName', value: 'VN' }]
  certificate.setSubject(subject)
  certificate.setIssuer(subject)
  certificate.sign(keys.privateKey, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], passphrase, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')
}

/** A one-page PDF signed (PAdES-style detached CMS) as a citizen's signed declaration would be. */
export async function signedPdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create()
  const page = document.addPage([595, 842])
  page.drawText(text, { x: 50, y: 780, size: 14, font: await document.embedFont(StandardFonts.Helvetica) })
  pdflibAddPlaceholder({ pdfDoc: document, reason: 'Ky to khai', contactInfo: 'an@example.vn', name: 'Nguyen Van An', location: 'Hai Duong' })
  const unsigned = Buffer.from(await document.save({ useObjectStreams: false }))
  return new SignPdf().sign(unsigned, new P12Signer(selfSignedP12('mat-khau'), { passphrase: 'mat-khau' }))
}

/** The same file with one byte of the signed content changed: what an alteration after signing looks like. */
export function alteredAfterSigning(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf)
  const at = copy.indexOf('Tu khai') > 0 ? copy.indexOf('Tu khai') : copy.indexOf('/MediaBox')
  copy[at + 1] = copy[at + 1]! ^ 0x01
  return copy
}
