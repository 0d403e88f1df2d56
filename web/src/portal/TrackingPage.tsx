import { useEffect, useState, type FormEvent } from 'react'
import { call, componentUploads, dateTime, money, PortalError, savedSession, UPLOAD_LIMITS_TEXT, type Session, type Started, type Tracked } from './api.js'
import { PhoneCheck } from './PhoneCheck.js'
import { ComponentFileInput, type ChosenFiles } from './ComponentFileInput.js'

const RATING_LABELS: Record<string, string> = { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', dissatisfied: 'Không hài lòng' }

/** A dossier as its applicant sees it: status, every step and its reason, the appointment; pay, rate, give feedback. */
export function TrackingPage({ code }: { code: string }) {
  const [session, setSession] = useState<Session | null>(savedSession())
  const [phone, setPhone] = useState(session?.phone ?? '')
  const [dossier, setDossier] = useState<Tracked | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [feedback, setFeedback] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [supplements, setSupplements] = useState<ChosenFiles>({})

  const load = async (forPhone: string) => {
    setError(null)
    try {
      setDossier(await call<Tracked>('GET', `/api/v1/public/dossiers/${encodeURIComponent(code)}?phone=${encodeURIComponent(forPhone)}`))
    } catch (e) {
      setDossier(null)
      setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ')
    }
  }
  useEffect(() => {
    if (session?.phone) void load(session.phone)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, session])

  const act = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ')
    }
  }
  const pay = () => act(async () => {
    const started = await call<Started>('POST', `/api/v1/public/dossiers/${encodeURIComponent(code)}/payment`)
    location.assign(started.redirect_url)
  })
  const rate = (rating: string) => act(async () => {
    await call('POST', `/api/v1/public/dossiers/${encodeURIComponent(code)}/rating`, { rating })
    setNotice('Cảm ơn ông/bà đã đánh giá.')
    await load(phone)
  })
  const sendSupplement = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      const components = await componentUploads(supplements)
      setDossier(await call<Tracked>('POST', `/api/v1/public/dossiers/${encodeURIComponent(code)}/supplement`, { components }))
      setSupplements({})
      setNotice('Đã gửi hồ sơ bổ sung; hồ sơ tiếp tục được giải quyết.')
    })
  }
  const sendFeedback = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      const answer = await call<{ feedback_code: string }>('POST', `/api/v1/public/dossiers/${encodeURIComponent(code)}/feedback`, { content: feedback })
      setFeedback('')
      setNotice(`Đã gửi phản ánh, kiến nghị (mã ${answer.feedback_code}).`)
    })
  }

  return (
    <>
      <section className="card">
        <h1>Tra cứu hồ sơ {code}</h1>
        <form onSubmit={(e) => { e.preventDefault(); void load(phone) }}>
          <label htmlFor="track-phone">Số điện thoại đã khai khi nộp hồ sơ</label>
          <input id="track-phone" type="tel" inputMode="tel" required value={phone} onChange={(e) => setPhone(e.target.value)} />
          <button type="submit">Xem tình trạng</button>
        </form>
        {error && <p role="alert" className="error">{error}</p>}
        {notice && <p role="status" className="ok">{notice}</p>}
      </section>
      {dossier && (
        <section className="card" aria-labelledby="status-title">
          <h2 id="status-title">Tình trạng: <span data-testid="status">{dossier.status_label}</span></h2>
          <p>{dossier.procedure.name} — {dossier.unit.name}</p>
          {dossier.due_at && <p>Ngày hẹn trả kết quả: <strong>{dateTime(dossier.due_at)}</strong></p>}
          <p>Phí, lệ phí: {dossier.fee_vnd > 0 ? `${money(dossier.fee_vnd)} — ${dossier.refunded ? 'đã hoàn tiền' : dossier.paid ? (dossier.paid_online ? 'đã thanh toán trực tuyến' : 'đã nộp') : 'chưa nộp'}` : 'không mất phí'}</p>
          <h3>Các bước xử lý</h3>
          <ol className="steps">
            {dossier.steps.map((s, i) => (
              <li key={i}><strong>{s.label}</strong> — {dateTime(s.at)}{s.reason && <><br />Lý do: {s.reason}</>}</li>
            ))}
          </ol>
          {(dossier.can_pay_online || dossier.can_rate || dossier.status !== 'withdrawn') && !session && <PhoneCheck onVerified={setSession} />}
          {session && dossier.status === 'supplement' && (
            <form onSubmit={sendSupplement} aria-labelledby="supplement-title">
              <h3 id="supplement-title">Bổ sung hồ sơ trực tuyến</h3>
              <p>Tệp đính kèm: {UPLOAD_LIMITS_TEXT}.</p>
              {dossier.components.map((c) => (
                <ComponentFileInput key={c.position} id={`supplement-${c.position}`} position={c.position} label={`${c.position}. ${c.name} — PDF, PNG hoặc JPEG`} onChosen={setSupplements} />
              ))}
              <button type="submit" disabled={Object.keys(supplements).length === 0}>Gửi bổ sung</button>
            </form>
          )}
          {session && dossier.can_pay_online && <button type="button" onClick={() => void pay()}>Thanh toán trực tuyến {money(dossier.fee_vnd)}</button>}
          {session && dossier.can_rate && (
            <fieldset>
              <legend>Đánh giá mức độ hài lòng</legend>
              {Object.entries(RATING_LABELS).map(([value, label]) => <button key={value} type="button" onClick={() => void rate(value)}>{label}</button>)}
            </fieldset>
          )}
          {dossier.rating && <p>Đánh giá của ông/bà: {RATING_LABELS[dossier.rating]}</p>}
          {session && (
            <form onSubmit={sendFeedback}>
              <label htmlFor="feedback">Phản ánh, kiến nghị về hồ sơ này</label>
              <textarea id="feedback" rows={3} minLength={10} maxLength={2000} required value={feedback} onChange={(e) => setFeedback(e.target.value)} />
              <button type="submit">Gửi phản ánh</button>
            </form>
          )}
        </section>
      )}
    </>
  )
}
