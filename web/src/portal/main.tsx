import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { CataloguePage } from './CataloguePage.js'
import { PaymentResultPage } from './PaymentResultPage.js'
import { SubmitPage } from './SubmitPage.js'
import { TrackingPage } from './TrackingPage.js'
import { saveSession, type Session } from './api.js'
import './portal.css'

// Back from the identity provider's login: the session is in the fragment, read once and taken out of the address.
const fromLogin = /^#phien=([A-Za-z0-9_-]+)$/.exec(location.hash)
if (fromLogin) {
  saveSession(JSON.parse(atob(fromLogin[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Session)
  history.replaceState(null, '', location.pathname + location.search)
}

/** The citizens' portal: a few pages chosen by the address, each a full page load (no router to ship). */
function Page() {
  const path = location.pathname.replace(/\/+$/, '')
  const procedure = /^\/cong-dich-vu\/thu-tuc\/([^/]+)$/.exec(path)
  if (procedure) return <SubmitPage code={decodeURIComponent(procedure[1]!)} />
  const tracked = /^\/tra-cuu\/([^/]+)$/.exec(path)
  if (tracked) return <TrackingPage code={decodeURIComponent(tracked[1]!)} />
  if (path === '/cong-dich-vu/tra-cuu') {
    const code = new URLSearchParams(location.search).get('ma')
    if (code) return <TrackingPage code={code.trim()} />
  }
  if (path === '/cong-dich-vu/thanh-toan') return <PaymentResultPage />
  return <CataloguePage />
}

createRoot(document.getElementById('portal')!).render(
  <StrictMode>
    <header className="bar"><a href="/cong-dich-vu/">Cổng dịch vụ công</a></header>
    <main className="page"><Page /></main>
  </StrictMode>,
)
