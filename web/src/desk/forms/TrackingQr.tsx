import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useApiData } from '../../shared/use-api-data.js'
import { deskApi } from '../desk-api.js'

/**
 * The citizen's way back to the dossier, on the receipt slip: a QR code of the lookup address and
 * the address itself, short enough to type (/tra-cuu/<mã hồ sơ> under MOTCUA_PUBLIC_BASE_URL).
 */
export function TrackingQr({ code }: { code: string }) {
  const { data: link } = useApiData((signal) => deskApi.trackingLink(code, signal), [code])
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    if (!link) return
    let live = true
    // An SVG of black squares made from the address alone: nothing of it is markup from elsewhere.
    QRCode.toString(link.url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then(
      (text) => live && setSvg(text),
      () => live && setSvg(null),
    )
    return () => {
      live = false
    }
  }, [link])
  if (!link) return null
  return (
    <div className="tracking-qr" data-testid="tracking-qr">
      {svg && <span className="tracking-qr-code" role="img" aria-label={`Mã QR tra cứu hồ sơ ${code}`} dangerouslySetInnerHTML={{ __html: svg }} />}
      <p>
        Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập <strong data-testid="tracking-url">{link.url}</strong>
      </p>
    </div>
  )
}
