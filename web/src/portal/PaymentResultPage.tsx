import { useEffect, useState } from 'react'
import { call, money, PortalError, type Outcome } from './api.js'

/** Back from the gateway: the signed result read by the server, then the way back to the dossier. */
export function PaymentResultPage() {
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call<Outcome>('GET', `/api/v1/public/payments/return${location.search}`)
      .then(setOutcome)
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ'))
  }, [])
  if (error) return <p role="alert" className="error">{error}</p>
  if (!outcome) return <p>Đang xác nhận kết quả thanh toán…</p>
  return (
    <section className="card" aria-live="polite">
      <h1>{outcome.message}</h1>
      <p>Hồ sơ {outcome.dossier_code}: {money(outcome.amount_vnd)}</p>
      <a className="button" href={`/tra-cuu/${encodeURIComponent(outcome.dossier_code)}`}>Về trang theo dõi hồ sơ</a>
    </section>
  )
}
