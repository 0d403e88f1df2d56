import { useEffect, useState, type FormEvent } from 'react'
import { call, PortalError, saveSession, type Session } from './api.js'

/** Proving a phone with a one-time code sent by SMS: the portal's identity in this version. */
export function PhoneCheck({ onVerified }: { onVerified: (session: Session) => void }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [oidc, setOidc] = useState(false)
  useEffect(() => {
    call<{ oidc_login: boolean }>('GET', '/api/v1/public/portal-settings').then((s) => setOidc(s.oidc_login)).catch(() => setOidc(false))
  }, [])

  const run = (action: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ')
    } finally {
      setBusy(false)
    }
  }
  const send = run(async () => {
    await call('POST', '/api/v1/public/otp', { phone })
    setSent(true)
  })
  const verify = run(async () => {
    const session = await call<Session>('POST', '/api/v1/public/otp/verify', { phone, code })
    saveSession(session)
    onVerified(session)
  })

  return (
    <section className="card" aria-labelledby="phone-check">
      <h2 id="phone-check">Xác thực số điện thoại</h2>
      <form onSubmit={sent ? verify : send}>
        <label htmlFor="phone">Số điện thoại di động</label>
        <input id="phone" name="phone" type="tel" inputMode="tel" autoComplete="tel" required value={phone} onChange={(e) => setPhone(e.target.value)} disabled={sent} />
        {sent && (
          <>
            <label htmlFor="otp">Mã xác thực (6 chữ số) đã gửi qua SMS</label>
            <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value)} />
          </>
        )}
        <button type="submit" disabled={busy}>{sent ? 'Xác thực' : 'Gửi mã xác thực'}</button>
        {oidc && (
          <p>Hoặc <a href={`/api/v1/public/oidc/login?return_to=${encodeURIComponent(location.pathname)}`}>đăng nhập bằng tài khoản định danh điện tử</a></p>
        )}
      </form>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  )
}
