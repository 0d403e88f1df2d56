import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import './styles.css'

// The first screen (session check, login) is React and plain HTML only; Ant Design, dayjs and
// ECharts come with the dashboard, after login, in chunks of their own.
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
