import { X509Certificate } from 'node:crypto'

/** What the registry keeps in clear about a credential: its certificate. */
export interface CredentialCertificate {
  der: Buffer
  name: string
  subject: string
  issuer: string
  serial: string
  validFrom: Date
  validTo: Date
}

const commonName = (dn: string) => dn.split('\n').find((l) => l.startsWith('CN='))?.slice(3) ?? dn.replace(/\n/g, ', ')

/** A certificate's facts as Node's X.509 parser reads them (the same reader verification uses). */
export function certificateFacts(der: Buffer): CredentialCertificate {
  return describeCertificate(new X509Certificate(der))
}

export function describeCertificate(x509: X509Certificate): CredentialCertificate {
  const der = x509.raw
  return {
    der, name: commonName(x509.subject), subject: x509.subject.replace(/\n/g, ', '), issuer: x509.issuer.replace(/\n/g, ', '),
    serial: x509.serialNumber.toUpperCase(), validFrom: new Date(x509.validFrom), validTo: new Date(x509.validTo),
  }
}

