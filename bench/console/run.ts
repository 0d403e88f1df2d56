/**
 * The web console's weight and speed: the gzipped JS of the first screen (the login page) and of
 * the dashboard, and the time from navigation to a usable dashboard (cards, chart, table of
 * communes) on localhost in headless Chromium, with the demo district.
 *
 *   npm run bench:console [-- --runs N] [--data DIR (seeded with MOTCUA_DEMO_PASSWORD)] [--screenshot docs/screenshot-dashboard.png] [--no-write]
 *
 * Writes its results into the "## Console" section of bench/README.md (replacing that section only).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { tempDir } from '../../test/support/files.js'
import { DEMO_PASSWORD, dashboardPath, ensureWebBuild, hasChromium, launchChromium, startServer } from '../../test/support/web-console.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = join(ROOT, 'web', 'dist')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, data: { type: 'string' }, screenshot: { type: 'string' }, 'no-write': { type: 'boolean' } } })

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

if (!hasChromium) {
  console.error('Cần Chromium ở /usr/bin/chromium (apt-get install chromium fonts-liberation2).')
  process.exit(1)
}
ensureWebBuild()

// What index.html loads before anything else: the first screen.
const html = readFileSync(join(DIST, 'index.html'), 'utf8')
const firstFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
const firstJs = firstFiles.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(join(DIST, f)), 0)
const firstCss = firstFiles.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(join(DIST, f)), 0)

// The dashboard's first screen: the chunks its page needs before anything lazy (chart, table, lists,
// drawer, exceljs) — the static imports of the entry, the console shell and the dashboard, from Vite's manifest.
interface ManifestChunk { file: string; imports?: string[]; css?: string[] }
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>
function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return
    seen.add(key)
    for (const next of manifest[key]!.imports ?? []) visit(next)
  }
  keys.forEach(visit)
  return seen
}
const pageKeys = (name: string) => Object.keys(manifest).filter((k) => k === 'index.html' || new RegExp(`(^|/)_?(ConsoleShell|${name})[-.]`).test(k))
const firstScreenOf = (name: string) => [...staticClosure(pageKeys(name))].reduce((sum, key) => sum + gz(join(DIST, manifest[key]!.file)), 0)
const cardsJs = firstScreenOf('Dashboard')
const deskJs = firstScreenOf('DeskQueues')

const dataDir = values.data ?? join(tempDir(), 'data')
const seedStarted = performance.now()
const server = await startServer(dataDir)
const startMs = performance.now() - seedStarted
const browser = await launchChromium()
const runs = Number(values.runs)
const loginTimes: number[] = []
const dashboardTimes: number[] = []
let dashboardJs = 0
let dashboardScripts: string[] = []
try {
  for (let i = 0; i < runs + 1; i++) {
    // A new context each time: a cold browser cache, as a leader opening the console in the morning.
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    let started = performance.now()
    await page.goto(server.url)
    await page.locator('#username').waitFor()
    const login = performance.now() - started

    const response = await context.request.post(`${server.url}/api/v1/auth/login`, { data: { username: 'tuky.vanphong', password: process.env.MOTCUA_DEMO_PASSWORD || DEMO_PASSWORD } })
    if (!response.ok()) throw new Error(`login failed: ${response.status()}`)
    started = performance.now()
    await page.goto(server.url + dashboardPath('H23.07', '2022-09-05', '2022-09-09'))
    await page.locator('[data-testid="value-dossier_digitization_rate"]').waitFor()
    await page.locator('section[aria-label="Biểu đồ xu hướng"] canvas').waitFor()
    await page.locator('button[data-unit="H23.07.01"]').waitFor()
    const usable = performance.now() - started
    // The first run warms the server (JIT, PGlite caches); it is not counted.
    if (i > 0) {
      loginTimes.push(login)
      dashboardTimes.push(usable)
    }
    if (i === runs) {
      dashboardScripts = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js'))`)) as string[]
      dashboardJs = dashboardScripts.map((u) => new URL(u).pathname.slice(1)).reduce((sum, f) => sum + gz(join(DIST, f)), 0)
      if (values.screenshot) {
        await page.waitForTimeout(500)
        await page.screenshot({ path: values.screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1440, height: 1750 } })
        console.error(`Ảnh màn hình: ${values.screenshot}`)
      }
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.stop()
}

const chunkSizes = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => ({ f, size: gz(join(DIST, 'assets', f)) }))

const lines = [
  '## Console',
  '',
  'The web console (`web/`), measured by `npm run bench:console` (`bench/console/run.ts`): the real server',
  'on localhost with the demo district, Debian Chromium headless through playwright-core, a new browser',
  `context (cold cache) per run, ${runs} runs after one warm-up, median and range. Machine: ${cpus().length} cores, Node ${process.version}.`,
  '',
  '| what | result |',
  '|---|---|',
  `| first screen (login page): JS gzipped | **${kb(firstJs)}** (+ ${kb(firstCss)} CSS) |`,
  `| dashboard's first screen (controls and indicator cards; from the build manifest, lazy chunks excluded): JS gzipped | **${kb(cardsJs)}** |`,
  `| one-stop desk's first screen (queues): JS gzipped | ${kb(deskJs)} |`,
  `| dashboard: all JS loaded once chart and table are drawn, gzipped | ${kb(dashboardJs)} (${dashboardScripts.length} files; ECharts and the table come after the cards) |`,
  `| login page shown (navigation → form ready) | ${median(loginTimes).toFixed(0)} ms (${Math.min(...loginTimes).toFixed(0)}–${Math.max(...loginTimes).toFixed(0)}) |`,
  `| dashboard usable (navigation → cards, trend chart and commune table drawn), Huyện Tứ Kỳ, 05/9–09/9/2022 | **${median(dashboardTimes).toFixed(0)} ms** (${Math.min(...dashboardTimes).toFixed(0)}–${Math.max(...dashboardTimes).toFixed(0)}) |`,
  `| server start (${values.data ? "existing data folder" : "fresh data folder, demo seeded"}) | ${(startMs / 1000).toFixed(1)} s |`,
  '',
  'Chunks (gzipped): ' + chunkSizes.map(({ f, size }) => `\`${f.replace(/-[\w-]{8}\.js$/, '.js')}\` ${kb(size)}`).join(', ') + '.',
  'exceljs loads only when a table is exported; ECharts only when the chart is drawn. Served without',
  'compression by Fastify on localhost, so the times are those of parsing and rendering more than of transfer.',
  '',
]
const section = lines.join('\n')
console.log(section)

if (!values['no-write']) {
  const readme = join(ROOT, 'bench', 'README.md')
  const text = existsSync(readme) ? readFileSync(readme, 'utf8') : ''
  const start = text.indexOf('\n## Console\n')
  let next: string
  if (text.startsWith('## Console\n') || start >= 0) {
    const from = text.startsWith('## Console\n') ? 0 : start + 1
    const end = text.indexOf('\n## ', from + 1)
    next = text.slice(0, from) + section + (end >= 0 ? text.slice(end + 1) : '')
  } else {
    next = (text.trimEnd() ? `${text.trimEnd()}\n\n` : '') + section
  }
  writeFileSync(readme, next)
  console.error('Đã ghi kết quả vào bench/README.md (mục "## Console").')
}
