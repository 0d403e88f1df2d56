import forge from 'node-forge'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { certificateFacts, type CredentialCertificate } from './certificate-facts.js'

/** A PKCS#12 file and its password: what signs. */
export interface SigningCredential {
  p12: Buffer
  password: string
}


/** What signs: the private key (PEM, for node:crypto), its certificate and every certificate the file carries (DER). */
export interface OpenedPkcs12 {
  certificate: CredentialCertificate
  privateKeyPem: string
  chain: Buffer[]
}

/** Opens a PKCS#12 with its password and returns the certificate that has the private key. A wrong password or file is a Vietnamese refusal. */
export function readPkcs12(credential: SigningCredential): CredentialCertificate {
  return openPkcs12(credential).certificate
}

export function openPkcs12(credential: SigningCredential): OpenedPkcs12 {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(credential.p12.toString('binary')))
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, credential.password)
  } catch (error) {
    throw new AppError(ErrorCode.validation, `unreadable PKCS#12: ${(error as Error).message}`, 'Không mở được tệp chứng thư số (PKCS#12, .p12/.pfx): sai mật khẩu hoặc tệp hỏng')
  }
  const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? []
  const keys = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(forge.pki.oids.keyBag!)]
  const certificates = bagsOf(forge.pki.oids.certBag!).flatMap((b) => (b.cert ? [b.cert] : []))
  const key = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined
  if (!key) throw new AppError(ErrorCode.validation, 'PKCS#12 without a private key', 'Tệp chứng thư số không chứa khóa bí mật để ký')
  const own = certificates.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey
    return pub.n !== undefined && pub.n.equals(key.n)
  })
  if (!own) throw new AppError(ErrorCode.validation, 'PKCS#12 without the key’s certificate', 'Tệp chứng thư số không chứa chứng thư của khóa bí mật')
  const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary')
  return { certificate: certificateFacts(der(own)), privateKeyPem: forge.pki.privateKeyToPem(key), chain: certificates.map(der) }
}
