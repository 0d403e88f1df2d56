import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'

/**
 * A certification authority made in the test (node-forge), and the PKCS#12 credentials it
 * issues: what a provincial CA and its officials' USB tokens are in production. Keys come from
 * node:crypto (fast) and are handed to forge as PEM.
 */
export interface TestCa {
  name: string
  certificatePem: string
  key: forge.pki.rsa.PrivateKey
  certificate: forge.pki.Certificate
}

export interface IssuedCredential {
  p12: Buffer
  password: string
  certificatePem: string
}

const DAY = 86_400_000
let serial = 1

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  }
}

const subjectOf = (commonName: string, organisation: string) => [
  { shortName: 'C', value: 'VN' },
  { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 },
  { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
] as forge.pki.CertificateField[]

function nextSerial(): string {
  serial += 1
  return (0x1000 + serial).toString(16)
}

export function makeTestCa(name = 'CA thử nghiệm tỉnh Hải Dương', now = new Date()): TestCa {
  const { privateKey, publicKey } = keyPair()
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = publicKey
  certificate.serialNumber = nextSerial()
  certificate.validity.notBefore = new Date(now.getTime() - 365 * DAY)
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * DAY)
  certificate.setSubject(subjectOf(name, 'Ban Cơ yếu (thử nghiệm)'))
  certificate.setIssuer(subjectOf(name, 'Ban Cơ yếu (thử nghiệm)'))
  certificate.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }])
  certificate.sign(privateKey, forge.md.sha256.create())
  return { name, certificatePem: forge.pki.certificateToPem(certificate), key: privateKey, certificate }
}

export interface IssueOptions {
  organisation?: string
  /** Validity around now, in days: [-before, +after]. Negative `validForDays` makes an expired certificate. */
  validFromDaysAgo?: number
  validForDays?: number
  now?: Date
}

/** A signing certificate for `commonName` issued by the CA, as a PKCS#12 with its password. */
export function issueCredential(ca: TestCa, commonName: string, options: IssueOptions = {}): IssuedCredential {
  const now = options.now ?? new Date()
  const { privateKey, publicKey } = keyPair()
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = publicKey
  certificate.serialNumber = nextSerial()
  certificate.validity.notBefore = new Date(now.getTime() - (options.validFromDaysAgo ?? 30) * DAY)
  certificate.validity.notAfter = new Date(now.getTime() + (options.validForDays ?? 365) * DAY)
  certificate.setSubject(subjectOf(commonName, options.organisation ?? 'UBND huyện Tứ Kỳ'))
  certificate.setIssuer(ca.certificate.subject.attributes)
  certificate.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }])
  certificate.sign(ca.key, forge.md.sha256.create())
  const password = 'mat-khau-token-1'
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate, ca.certificate], password, { algorithm: '3des' })
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), password, certificatePem: forge.pki.certificateToPem(certificate) }
}
