import { LogoutOutlined } from '@ant-design/icons'
import { App as AntApp, Button, ConfigProvider, Layout, Skeleton, Space, Typography } from 'antd'
import viVN from 'antd/locale/vi_VN'
import dayjs from 'dayjs'
import 'dayjs/locale/vi'
import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { api, type Me } from '../api.js'
import { DESK_PATH, FEEDBACK_PATH, followLink, INDEX_766_PATH, navigate, PROCEDURES_PATH, usePathname } from './navigation.js'
import { matchRoute, type Route } from './routes.js'
import { forgetVisibleUnits } from '../UnitPicker.js'

dayjs.locale('vi')

// Each page is a chunk of its own: a leader's dashboard does not carry the desk's forms, nor the reverse.
const Dashboard = lazy(() => import('../Dashboard.js'))
const DeskQueues = lazy(() => import('../desk/DeskQueues.js'))
const ReceiveDossier = lazy(() => import('../desk/ReceiveDossier.js'))
const DossierView = lazy(() => import('../desk/DossierView.js'))
const PrintForm = lazy(() => import('../desk/forms/PrintForm.js'))
const IndexPage = lazy(() => import('../index766/IndexPage.js'))
const FeedbackPage = lazy(() => import('../feedback/FeedbackPage.js'))
const ProceduresPage = lazy(() => import('../procedures/ProceduresPage.js'))

interface Props {
  me: Me
  onLoggedOut: (notice?: string) => void
}

/** Ant Design in Vietnamese, the header with the sections the user's role may open, and the page of the address. */
export default function ConsoleShell(props: Props) {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#b71c1c', fontFamily: "'Liberation Sans', 'Segoe UI', Roboto, Arial, sans-serif" } }}>
      <AntApp>
        <Console {...props} />
      </AntApp>
    </ConfigProvider>
  )
}

function Console({ me, onLoggedOut }: Props) {
  const { message } = AntApp.useApp()
  // The console closes at logout (or an expired session): the next user loads their own units.
  useEffect(() => forgetVisibleUnits, [])
  const pathname = usePathname()
  const route = matchRoute(pathname)

  // An officer's work is the desk: "/" with no view in the address opens it (decided before the dashboard mounts and writes its view).
  const toDesk = route.page === 'dashboard' && pathname === '/' && !window.location.search && isDeskFirst(me)
  useEffect(() => {
    if (toDesk) navigate(DESK_PATH, { replace: true })
  }, [toDesk])

  const logout = async () => {
    try {
      await api.logout()
    } catch (e) {
      void message.error((e as Error).message)
    }
    window.history.replaceState(null, '', '/')
    onLoggedOut('Bạn đã đăng xuất.')
  }

  const sections = [
    { key: 'dashboard', path: '/', label: 'Bảng điều hành', show: me.permissions.includes('indicators:read') },
    { key: 'desk', path: DESK_PATH, label: 'Một cửa', show: me.permissions.includes('dossiers:read') },
    { key: 'feedback', path: FEEDBACK_PATH, label: 'Phản ánh, kiến nghị', show: me.permissions.includes('dossiers:read') },
    { key: 'index766', path: INDEX_766_PATH, label: 'Chỉ số 766', show: me.permissions.includes('indicators:read') },
    { key: 'procedures', path: PROCEDURES_PATH, label: 'Thủ tục', show: me.permissions.includes('indicators:read') },
  ].filter((s) => s.show)

  if (route.page === 'print') {
    return <Suspense fallback={<Skeleton active />}>{page(route, me, onLoggedOut)}</Suspense>
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <Layout.Header className="console-header no-print">
        <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c', whiteSpace: 'nowrap' }}>
          Cải cách hành chính
        </Typography.Title>
        <nav aria-label="Các phần" style={{ flex: 1, minWidth: 240 }}>
          <ul className="console-sections">
            {sections.map((s) => (
              <li key={s.key}>
                <a href={s.path} onClick={(e) => followLink(e, s.path)} aria-current={route.section === s.key ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Space wrap>
          <Typography.Text>
            {me.username} — {me.role_label ?? 'Mã truy cập'}, {me.unit_name}
          </Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={logout}>
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="noi-dung" style={{ padding: 24, maxWidth: 1600, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{toDesk ? null : page(route, me, onLoggedOut)}</Suspense>
      </Layout.Content>
    </Layout>
  )
}

function page(route: Route, me: Me, onLoggedOut: (notice?: string) => void): ReactNode {
  switch (route.page) {
    case 'dashboard':
      return <Dashboard me={me} onLoggedOut={onLoggedOut} />
    case 'desk':
      return <DeskQueues me={me} />
    case 'receive':
      return <ReceiveDossier me={me} />
    case 'dossier':
      return <DossierView code={route.code} me={me} />
    case 'print':
      return <PrintForm code={route.code} form={route.form} />
    case 'index766':
      return <IndexPage me={me} />
    case 'feedback':
      return <FeedbackPage me={me} />
    case 'procedures':
      return <ProceduresPage me={me} />
    case 'not-found':
      return <NotFound />
  }
}

function isDeskFirst(me: Me): boolean {
  return me.role === 'officer' || me.role === 'specialist'
}

function NotFound() {
  return (
    <div role="alert">
      <Typography.Title level={2}>Không có trang này</Typography.Title>
      <a href="/" onClick={(e) => followLink(e, '/')}>
        Về trang đầu
      </a>
    </div>
  )
}
