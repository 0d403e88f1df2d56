import { createHash, createPrivateKey, sign as signBytes } from 'node:crypto'
import { Signer } from '@signpdf/signpdf'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { OpenedPkcs12 } from './pkcs12.js'

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const

const ber = (schema: { toBER(): ArrayBuffer }) => Buffer.from(schema.toBER())

/**
 * The CMS of a PAdES signature (ETSI.CAdES.detached), built with pkijs and signed with
 * node:crypto: SHA-256, the signer named by issuer and serial exactly as its certificate encodes
 * them (node-forge re-encodes UTF-8 names, and a Vietnamese CA's name then no longer matches),
 * the ESS signing-certificate-v2 attribute binding the certificate, and the chain the PKCS#12 carries.
 */
export class CadesSigner extends Signer {
  constructor(private readonly opened: OpenedPkcs12) {
    super()
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const leaf = pkijs.Certificate.fromBER(this.opened.certificate.der)
    const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] })
    const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(this.opened.certificate.der).digest() })] })
    const attributes = [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: signingTime ?? new Date() })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: createHash('sha256').update(pdfBuffer).digest() })),
      attribute(OID.signingCertificateV2, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })),
    ]
    // DER orders a SET OF by encoding; verifiers re-encode the attributes before checking the signature.
    attributes.sort((a, b) => Buffer.compare(ber(a.toSchema()), ber(b.toSchema())))
    const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes })
    const toSign = ber(signedAttrs.toSchema())
    toSign[0] = 0x31 // signed as a SET, stored as [0]
    const signature = signBytes('sha256', toSign, createPrivateKey(this.opened.privateKeyPem))
    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
      digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      signedAttrs,
      signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
      signature: new asn1js.OctetString({ valueHex: signature }),
    })
    const signedData = new pkijs.SignedData({
      version: 1,
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      certificates: this.opened.chain.map((der) => pkijs.Certificate.fromBER(der)),
      signerInfos: [signerInfo],
    })
    return ber(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }).toSchema())
  }
}
