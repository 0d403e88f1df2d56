import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { api, ApiError, rememberCsrf, type Me } from './shared/api.js'
import { untilDemoLoaded } from './demo-seeding.js'
import { LoginPage } from './LoginPage.js'

// The console (Ant Design, tables, charts, date pickers) is loaded after login: the first screen stays small.
const Console = lazy(() => import('./shell/ConsoleShell.js'))

type Session = { state: 'checking' } | { state: 'demo-loading' } | { state: 'anonymous'; notice?: string } | { state: 'signed-in'; me: Me } | { state: 'error'; message: string }

export function App() {
  const [session, setSession] = useState<Session>({ state: 'checking' })

  useEffect(() => {
    untilDemoLoaded(() => setSession({ state: 'demo-loading' }))
      .then(() => api.me())
      .then((me) => {
        rememberCsrf(me.csrf_token)
        setSession({ state: 'signed-in', me })
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setSession({ state: 'anonymous' })
        else setSession({ state: 'error', message: error instanceof Error ? error.message : String(error) })
      })
  }, [])

  const onLoggedIn = useCallback((me: Me) => {
    rememberCsrf(me.csrf_token)
    setSession({ state: 'signed-in', me })
  }, [])

  const onLoggedOut = useCallback((notice?: string) => {
    rememberCsrf(null)
    setSession(notice ? { state: 'anonymous', notice } : { state: 'anonymous' })
  }, [])

  switch (session.state) {
    case 'checking':
      return <Waiting label="Đang kiểm tra phiên làm việc…" />
    case 'demo-loading':
      return <Waiting label="Lần chạy đầu tiên: đang nạp dữ liệu mẫu… Trang sẽ tự mở khi xong (vài phút)." />
    case 'anonymous':
      return <LoginPage onLoggedIn={onLoggedIn} {...(session.notice ? { notice: session.notice } : {})} />
    case 'error':
      return (
        <main className="centered">
          <div className="panel" role="alert">
            <h1>Không mở được bảng điều hành</h1>
            <p>{session.message}</p>
            <button type="button" className="primary" onClick={() => window.location.reload()}>
              Thử lại
            </button>
          </div>
        </main>
      )
    case 'signed-in':
      return (
        <Suspense fallback={<Waiting label="Đang tải…" />}>
          <Console me={session.me} onLoggedOut={onLoggedOut} />
        </Suspense>
      )
  }
}

function Waiting({ label }: { label: string }) {
  return (
    <main className="centered" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </main>
  )
}
