import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'

export interface TestCertificate {
  pem: string
  der: Buffer
  /** PKCS#12 with the key and the certificate, under the password given (or none). */
  p12(password?: string): Buffer
}

const DAY_MS = 86_400_000
let serial = 0x1000
// node-forge reads valueTagClass as the ASN.1 string type (UTF8String = 12); its typings call it a class.
const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class

/**
 * A self-signed certificate as a Vietnamese CA issues one to an official: the holder's name as
 * CN (UTF-8), the identity in UID ("CCCD:…"), valid between two moments. The key is made by
 * Node (fast) and handed to node-forge, which writes the certificate.
 */
export function makeCertificate(spec: { commonName: string; uid?: string; validFrom: Date; validTo: Date; organization?: string }): TestCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e)
  certificate.serialNumber = (serial++).toString(16).padStart(6, '0')
  certificate.validity.notBefore = spec.validFrom
  certificate.validity.notAfter = spec.validTo
  const attributes: forge.pki.CertificateField[] = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: spec.organization ?? 'UBND huyen Tu Ky', valueTagClass: UTF8 },
    { shortName: 'CN', value: spec.commonName, valueTagClass: UTF8 },
    ...(spec.uid ? [{ type: '0.9.2342.19200300.100.1.1', value: spec.uid }] : []),
  ]
  certificate.setSubject(attributes)
  certificate.setIssuer(attributes)
  certificate.sign(key, forge.md.sha256.create())
  const pem = forge.pki.certificateToPem(certificate)
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')
  return {
    pem,
    der,
    p12: (password = '') => Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [certificate], password, { algorithm: '3des' })).getBytes(), 'binary'),
  }
}

/** A moment `days` days from `from` (negative: before). */
export function daysFrom(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS)
}
