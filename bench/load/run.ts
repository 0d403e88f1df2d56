/**
 * The Monday-morning benchmark (issue 13): the real server (`cli -- serve`, its own process) on
 * the demo district, 200 concurrent clients on the dashboard's calls (table with children,
 * series, lists) over the district and its communes and a few periods, beside /api/health on the
 * same server in the same run; then the first requests after an abandoned burst, a cold table,
 * the Decision 766 overview cold and repeated, and the figure cache's counters. On a fresh data
 * folder it also times the first start (the page answering, the demo loaded). Usage:
 *   npx tsx bench/load/run.ts [--clients 200] [--seconds 20] [--fresh]                  (PGlite)
 *   DATABASE_URL=postgres://… npx tsx bench/load/run.ts [--fresh]                       (server)
 * Requests go to 127.0.0.1 only, bounded in number and time.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { sql } from 'kysely'
import { migrateToLatest } from '../../src/db/migrate.js'
import { openDatabase } from '../../src/db/open-database.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { TU_KY_CODE } from '../../src/modules/demo/demo-units.js'
import { dashboardMix, type DashboardView } from './dashboard-mix.js'
import { runLoad, timedGet, type LoadResult, type Target } from './load-loop.js'
import { startServe } from './serve-process.js'

const { values } = parseArgs({ options: { clients: { type: 'string', default: '200' }, seconds: { type: 'string', default: '20' }, fresh: { type: 'boolean', default: false } } })
const clients = Number(values.clients)
const seconds = Number(values.seconds)
const serverUrl = process.env.DATABASE_URL || undefined
const kind = serverUrl ? 'postgres' : 'pglite'
const work = join(import.meta.dirname, '..', 'out', `load-${kind}`)
const dataDir = join(work, 'data')
const PASSWORD = 'Bench-Tai-Thu-2026'

function log(message: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

async function loadDatabaseUrl(): Promise<string | undefined> {
  if (!serverUrl) return undefined
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  if (values.fresh) await admin.query('drop database if exists motcua_load with (force)')
  const exists = await admin.query(`select 1 from pg_database where datname = 'motcua_load'`)
  if (exists.rowCount === 0) await admin.query('create database motcua_load')
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = '/motcua_load'
  return url.toString()
}

const databaseUrl = await loadDatabaseUrl()
if (values.fresh && !serverUrl) rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
const open = () => openDatabase(databaseUrl ? { databaseUrl } : { dataDir })

async function isSeeded(): Promise<boolean> {
  if (!serverUrl && !existsSync(join(dataDir, 'pgdata'))) return false
  const handle = await open()
  try {
    await migrateToLatest(handle.db)
    return (await handle.db.selectFrom('dossiers').select('id').limit(1).executeTakeFirst()) !== undefined
  } finally {
    await handle.close()
  }
}

/** A fresh install's first start: how soon /api/health answers, and when the demo is loaded. */
async function firstStart(): Promise<{ healthAnswersMs: number; demoLoadedMs: number; healthWhileLoading: unknown }> {
  const started = performance.now()
  const serve = startServe(dataDir, databaseUrl)
  const address = new URL(await serve.address)
  const target: Target = { host: address.hostname, port: Number(address.port) }
  const agent = new Agent({ keepAlive: false })
  let healthAnswersMs = 0
  let healthWhileLoading: unknown = null
  for (;;) {
    const answer = await fetch(`${address.origin}/api/health`).then((r) => r.json() as Promise<{ demo?: string }>)
    if (healthAnswersMs === 0) {
      healthAnswersMs = performance.now() - started
      healthWhileLoading = answer
      log(`first start: /api/health answered after ${Math.round(healthAnswersMs)} ms: ${JSON.stringify(answer)}`)
    }
    if (answer.demo !== 'loading') break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const demoLoadedMs = performance.now() - started
  await timedGet(target, agent, '/api/health', 5000)
  await serve.stop()
  return { healthAnswersMs, demoLoadedMs, healthWhileLoading }
}

/** The bench's accounts (a district leader, an administrator for the metrics) and what the mix needs from the data. */
async function prepare(): Promise<{ communes: string[]; lastDay: string }> {
  const handle = await open()
  try {
    for (const [username, role, unitCode] of [['bench.lanhdao', 'leader', TU_KY_CODE], ['bench.quantri', 'system_admin', 'H23']] as const) {
      const exists = await handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
      if (!exists) await createUser(handle.db, { username, displayName: `Đo tải ${role}`, password: PASSWORD, unitCode, role }, 'bench')
    }
    const district = await handle.db.selectFrom('units').select('id').where('code', '=', TU_KY_CODE).executeTakeFirstOrThrow()
    const communes = (await handle.db.selectFrom('units').select('code').where('parent_id', '=', district.id).where('kind', '=', 'commune').orderBy('code').execute()).map((u) => u.code)
    const last = await sql<{ day: string }>`select to_char(max(received_at) at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day from dossiers`.execute(handle.db)
    return { communes, lastDay: last.rows[0]!.day }
  } finally {
    await handle.close()
  }
}

async function login(origin: string, username: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('motcua_session='))!
  return cookie.split(';')[0]!
}

/** One request's time, alone on the server (negative: it failed with that status, 0 = no answer). */
async function single(target: Target, path: string): Promise<number> {
  const agent = new Agent({ keepAlive: false })
  const { status, ms } = await timedGet(target, agent, path, 120_000)
  if (status !== 200) {
    log(`${path}: status ${status} after ${Math.round(ms)} ms`)
    return -status
  }
  return Math.round(ms * 10) / 10
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

log(`${kind}: ${cpus().length} cores, load average at start ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`)
const fresh = (await isSeeded()) ? null : await firstStart()
const { communes, lastDay } = await prepare()
const serve = startServe(dataDir, databaseUrl)
const origin = await serve.address
const port = Number(new URL(origin).port)
const leader: Target = { host: '127.0.0.1', port, cookie: await login(origin, 'bench.lanhdao') }
const admin: Target = { host: '127.0.0.1', port, cookie: await login(origin, 'bench.quantri') }
const mix = dashboardMix(TU_KY_CODE, communes, lastDay)
log(`mix: ${mix.views.length} views (${communes.length} communes + the district × ${mix.periods.length} periods) × 3 calls, up to ${lastDay}`)

const phases: LoadResult[] = []
const load = (label: string, target: Target, next: (client: number, i: number) => string, timeoutMs = 30_000) =>
  runLoad({ label, target, clients, seconds, maxRequests: 400_000, timeoutMs, next }).then((result) => {
    log(`${label}: ${result.requests} requests, ${result.perSecond}/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors} ${JSON.stringify(result.statuses)}`)
    phases.push(result)
    return result
  })

const callOf = (view: DashboardView, i: number) => view.calls[i % view.calls.length]!
// /api/health as a monitoring probe asks it: no session.
const anonymous: Target = { host: '127.0.0.1', port }
const health = await load('health', anonymous, () => '/api/health')
// Each client is a leader opening one view (the cache is empty: the cold start is in the figures).
const cold = await load('dashboard (cold start)', leader, (client, i) => callOf(mix.views[client % mix.views.length]!, i))
// Every call of every view once more, one at a time: what the cold start left uncomputed is computed here.
for (const view of mix.views) for (const call of view.calls) await single(leader, call)
const warm = await load('dashboard (repeated)', leader, (client, i) => callOf(mix.views[(client + i) % mix.views.length]!, i))
const healthAfter = await load('health (after)', anonymous, () => '/api/health')

// 200 clients give up after 1 s on questions never asked (older periods): the work must stop with them.
const abandonedPaths = mix.abandonable(clients)
const abandoned = await runLoad({ label: 'abandoned burst', target: leader, clients, seconds: 5, maxRequests: clients, timeoutMs: 1000, next: (client) => abandonedPaths[client]! })
log(`abandoned burst: ${abandoned.requests} requests, ${JSON.stringify(abandoned.statuses)}`)
const afterBurst = { health: await single(anonymous, '/api/health'), cachedTable: await single(leader, mix.views[0]!.calls[0]!) }
log(`first requests after the burst: health ${afterBurst.health} ms, a cached table ${afterBurst.cachedTable} ms`)

const coldTables = []
for (const path of mix.neverAsked(5)) coldTables.push(await single(leader, path))
const overviewPath = `/api/v1/index766?unit=${TU_KY_CODE}&period=${mix.quarter}`
const overview = { cold: await single(leader, overviewPath), repeated: [await single(leader, overviewPath), await single(leader, overviewPath), await single(leader, overviewPath)] }
log(`cold table (district with children) median ${median(coldTables)} ms ${JSON.stringify(coldTables)}; 766 overview ${mix.quarter}: cold ${overview.cold} ms, repeated ${JSON.stringify(overview.repeated)}`)

const metrics = await fetch(`${origin}/api/v1/metrics`, { headers: { cookie: admin.cookie! } }).then((r) => r.json())
log(`figure cache: ${JSON.stringify(metrics)}`)
await serve.stop()

const p99Limit = (h: LoadResult) => Math.max(100, 3 * h.p99)
// The machine is shared: health is measured before and after the dashboard; the goals use the faster of the two.
const baseline = healthAfter.perSecond > health.perSecond ? healthAfter : health
const goals = {
  dashboard_errors_zero: cold.errors === 0 && warm.errors === 0,
  cold_throughput_vs_health: Math.round((cold.perSecond / baseline.perSecond) * 1000) / 10,
  warm_throughput_vs_health: Math.round((warm.perSecond / baseline.perSecond) * 1000) / 10,
  p99_limit_ms: p99Limit(baseline),
  cold_p99_met: cold.p99 <= p99Limit(baseline),
  warm_p99_met: warm.p99 <= p99Limit(baseline),
  cold_table_median_ms: median(coldTables),
  overview_cold_ms: overview.cold,
  overview_repeated_median_ms: median(overview.repeated),
  first_start_health_ms: fresh ? Math.round(fresh.healthAnswersMs) : null,
}
log(`goals: ${JSON.stringify(goals)}`)
const results = { kind, measured_at: new Date().toISOString(), node: process.version, cores: cpus().length, clients, seconds, lastDay, fresh, phases, healthAfter, abandoned, afterBurst, coldTables, overview, metrics, goals }
writeFileSync(join(import.meta.dirname, `results-${kind}.json`), `${JSON.stringify(results, null, 2)}\n`)
