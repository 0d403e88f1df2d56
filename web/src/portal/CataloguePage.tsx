import { useEffect, useState } from 'react'
import { call, money, PortalError, type Procedure } from './api.js'

const ONLINE_LABELS: Record<string, string> = { full: 'Trực tuyến toàn trình', partial: 'Trực tuyến một phần', none: 'Nộp trực tiếp' }

/** Finding a procedure: typed with or without diacritics, answered as the citizen types. */
export function CataloguePage() {
  const [query, setQuery] = useState(new URLSearchParams(location.search).get('q') ?? '')
  const [found, setFound] = useState<Procedure[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      call<Procedure[]>('GET', `/api/v1/public/procedures?q=${encodeURIComponent(query)}`)
        .then((rows) => !controller.signal.aborted && (setFound(rows), setError(null)))
        .catch((e: unknown) => setError(e instanceof PortalError ? e.message : 'Không kết nối được máy chủ'))
    }, 200)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [query])

  return (
    <>
      <section className="card">
        <h1>Tìm thủ tục hành chính</h1>
        <label htmlFor="search">Tên hoặc mã thủ tục (gõ không dấu được)</label>
        <input id="search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="ví dụ: dang ky khai sinh" />
      </section>
      {error && <p role="alert" className="error">{error}</p>}
      <ul className="results" aria-live="polite" aria-label="Kết quả tìm kiếm">
        {(found ?? []).map((p) => (
          <li key={p.code}>
            <a href={`/cong-dich-vu/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</a>
            <span className="meta">
              {ONLINE_LABELS[p.online_level] ?? p.online_level} · {p.processing_days === 0 ? 'trong ngày' : `${p.processing_days} ngày làm việc`} · {p.fee_vnd > 0 ? money(p.fee_vnd) : 'không mất phí'}
            </span>
          </li>
        ))}
        {found !== null && found.length === 0 && <li>Không có thủ tục phù hợp.</li>}
      </ul>
      <section className="card">
        <h2>Tra cứu hồ sơ đã nộp</h2>
        <form action="/cong-dich-vu/tra-cuu" method="get">
          <label htmlFor="track-code">Mã hồ sơ</label>
          <input id="track-code" name="ma" required />
          <button type="submit">Tra cứu</button>
        </form>
      </section>
    </>
  )
}
