import { useState, type FormEvent } from 'react'
import { api, type Me } from './shared/api.js'

interface Props {
  onLoggedIn: (me: Me) => void
  notice?: string
}

/** Plain HTML on purpose: the login is the first screen and should not wait for a component library. */
export function LoginPage({ onLoggedIn, notice }: Props) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!username.trim() || !password) {
      setError(!username.trim() ? 'Nhập tên đăng nhập' : 'Nhập mật khẩu')
      return
    }
    setBusy(true)
    setError(null)
    try {
      onLoggedIn(await api.login(username.trim(), password))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <main className="centered">
      <form className="panel login" onSubmit={submit} noValidate aria-labelledby="login-title">
        <h1 id="login-title">Đăng nhập</h1>
        <p className="muted">Hệ thống Một cửa — bảng điều hành chỉ số cải cách hành chính</p>
        {notice && !error && (
          <p className="notice info" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="username">Tên đăng nhập</label>
        <input id="username" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} disabled={busy} />
        <label htmlFor="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={busy} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </main>
  )
}
