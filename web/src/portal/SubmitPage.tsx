import { useEffect, useState, type FormEvent } from 'react'
import { call, componentUploads, dateTime, money, PortalError, savedSession, UPLOAD_LIMITS_TEXT, type ProcedureDetails, type Session, type Submitted } from './api.js'
import { PhoneCheck } from './PhoneCheck.js'
import { ProcedureForms } from './ProcedureForms.js'
import { ComponentFileInput, type ChosenFiles } from './ComponentFileInput.js'

/** One procedure: what it needs, and the online submission with each component's file checked at once by the server. */
export function SubmitPage({ code }: { code: string }) {
  const [procedure, setProcedure] = useState<ProcedureDetails | null>(null)
  const [session, setSession] = useState<Session | null>(savedSession())
  const [files, setFiles] = useState<ChosenFiles>({})
  const [unit, setUnit] = useState('')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  // An OIDC login without a verified phone gives a contact phone: kept for the desk, sent no SMS.
  const [contactPhone, setContactPhone] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [submitted, setSubmitted] = useState<Submitted | null>(null)

  useEffect(() => {
    call<ProcedureDetails>('GET', `/api/v1/public/procedures/${encodeURIComponent(code)}`)
      .then((p) => {
        setProcedure(p)
        setUnit(p.units[0]?.code ?? '')
      })
      .catch((e: unknown) => setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ'))
  }, [code])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const components = await componentUploads(files)
      setSubmitted(await call<Submitted>('POST', '/api/v1/public/dossiers', { procedure_code: code, unit, applicant: { name, email: email || null, ...(session?.phone ? {} : { phone: contactPhone }) }, components }))
    } catch (e) {
      setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ')
    } finally {
      setBusy(false)
    }
  }

  if (!procedure) return error ? <p role="alert" className="error">{error}</p> : <p>Đang tải…</p>
  if (submitted) {
    return (
      <section className="card" aria-live="polite">
        <h1>Đã nộp hồ sơ</h1>
        <p>Mã hồ sơ: <strong data-testid="dossier-code">{submitted.code}</strong></p>
        <p>Ngày hẹn trả kết quả: <strong>{dateTime(submitted.due_at)}</strong></p>
        <p>{session?.phone ? 'Ông/bà sẽ nhận tin nhắn ở mỗi bước xử lý.' : 'Ông/bà theo dõi hồ sơ trên Cổng khi đăng nhập, hoặc qua thư điện tử đã khai.'}</p>
        <a className="button" href={submitted.tracking_path}>Theo dõi hồ sơ{procedure.pay_online ? ' và nộp phí trực tuyến' : ''}</a>
      </section>
    )
  }
  return (
    <>
      <section className="card">
        <h1>{procedure.name}</h1>
        <p className="meta">Mã {procedure.code} · {procedure.field}</p>
        <dl>
          <dt>Thời hạn giải quyết</dt><dd>{procedure.processing_days === 0 ? 'Trong ngày' : `${procedure.processing_days} ngày làm việc`}</dd>
          <dt>Phí, lệ phí</dt><dd>{procedure.fee_vnd > 0 ? `${money(procedure.fee_vnd)}${procedure.pay_online ? ' (nộp trực tuyến được)' : ''}` : 'Không mất phí'}</dd>
          <dt>Nơi giải quyết</dt><dd>{procedure.units.length} đơn vị trong tỉnh</dd>
        </dl>
        <h2>Thành phần hồ sơ</h2>
        <ol>{procedure.components.map((c) => <li key={c.position}>{c.name}{c.required ? ' (bắt buộc)' : ''}</li>)}</ol>
        <ProcedureForms forms={procedure.forms} />
      </section>
      {procedure.online_level === 'none' ? (
        <p className="card">Thủ tục này chưa nộp trực tuyến được; mời đến Bộ phận Một cửa.</p>
      ) : !session ? (
        <PhoneCheck onVerified={setSession} />
      ) : (
        <form className="card" onSubmit={submit} aria-labelledby="submit-title">
          <h2 id="submit-title">Nộp hồ sơ trực tuyến</h2>
          <label htmlFor="unit">Nơi nộp</label>
          <select id="unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
            {procedure.units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
          </select>
          <label htmlFor="name">Họ và tên người nộp</label>
          <input id="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          {!session.phone && (
            <>
              <label htmlFor="contact-phone">Số điện thoại liên hệ (để cán bộ gọi khi cần; tin nhắn chỉ gửi tới số đã xác thực)</label>
              <input id="contact-phone" type="tel" autoComplete="tel" required value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} />
            </>
          )}
          <label htmlFor="email">Thư điện tử (không bắt buộc, để nhận thông báo)</label>
          <input id="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <p>Tệp đính kèm: {UPLOAD_LIMITS_TEXT}.</p>
          {procedure.components.map((c) => (
            <ComponentFileInput key={c.position} id={`component-${c.position}`} position={c.position} required={c.required}
              label={`${c.position}. ${c.name}${c.required ? ' (bắt buộc)' : ''} — PDF, PNG hoặc JPEG, tối đa 10 MB`} onChosen={setFiles} />
          ))}
          <button type="submit" disabled={busy}>{busy ? 'Đang nộp…' : 'Nộp hồ sơ'}</button>
          {error && <p role="alert" className="error">{error}</p>}
        </form>
      )}
    </>
  )
}
