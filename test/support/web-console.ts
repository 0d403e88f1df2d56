import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { tempDir } from './files.js'
import { startCli, waitForStderr } from './run-cli.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Debian's Chromium (`apt-get install chromium fonts-liberation2`); browsers are never downloaded. */
export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

/** Headless, and quiet on a closed network: no background connections, no component updates. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export const DEMO_PASSWORD = 'Demo-Kiem-Thu-2022'

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** What `npm start` does first: build web/dist when missing or stale. */
export function ensureWebBuild(): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0 || !existsSync(`${ROOT}web/dist/index.html`)) throw new Error('web console build failed')
}

export interface RunningServer {
  url: string
  stop: () => Promise<number | null>
}

/** The real server as a process, on a free port, with the demo loaded on first start into `dataDir`. */
export async function startServer(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const server = startCli(['serve', '--port', '0', '--data', dataDir], { MOTCUA_DEMO_PASSWORD: DEMO_PASSWORD, ...env })
  try {
    await waitForStderr(server, /đang chạy tại/, 300_000)
    // A first start listens at once and loads the demo behind it: the browser tests need it loaded.
    await new Promise((resolve) => setTimeout(resolve, 200))
    if (/đang nạp dữ liệu mẫu/.test(server.output().stderr)) {
      const done = await waitForStderr(server, /Đã nạp [^\n]* hồ sơ|Nạp dữ liệu mẫu không thành công/, 600_000)
      if (done.startsWith('Nạp')) throw new Error(`demo not loaded: ${server.output().stderr}`)
    }
  } catch (error) {
    server.kill('SIGTERM')
    throw error
  }
  const url = /http:\/\/[\d.:]+/.exec(server.output().stderr)![0]
  return {
    url,
    stop: async () => {
      server.kill('SIGTERM')
      return (await server.done).code
    },
  }
}

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.locator('#password').press('Enter')
}

export function dashboardPath(unit: string, from: string, to: string): string {
  return `/?unit=${encodeURIComponent(unit)}&from=${from}&to=${to}&kind=custom`
}

/**
 * Answers "Đồng ý" to the step's confirmation bubble (Popconfirm) that is open, and waits until it
 * has closed. A click that lands while the bubble is still opening can be lost on a loaded machine:
 * while the bubble stays open the answer is given again, at most three times.
 */
export async function confirmPopover(page: Page): Promise<void> {
  const bubble = page.locator('.ant-popconfirm:visible')
  await bubble.waitFor()
  for (let attempt = 1; ; attempt++) {
    await bubble.getByRole('button', { name: 'Đồng ý' }).click({ timeout: 10_000 }).catch(() => undefined)
    try {
      await bubble.waitFor({ state: 'hidden', timeout: 5_000 })
      return
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/** A browser test file's console: the real server with the demo on a fresh data folder, and Chromium. */
export interface DemoConsole {
  server: RunningServer
  browser: Browser
}

/** Starts what a browser test file drives (in its `beforeAll`): the web build, the server with the demo, Chromium. */
export async function startDemoConsole(env: NodeJS.ProcessEnv = {}): Promise<DemoConsole> {
  ensureWebBuild()
  const server = await startServer(join(tempDir(), 'data'), env)
  try {
    return { server, browser: await launchChromium() }
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** Stops it (in its `afterAll`): the browser, then the server, which must exit cleanly. */
export async function stopDemoConsole(running: Partial<DemoConsole>): Promise<void> {
  await running.browser?.close()
  if (running.server) expect(await running.server.stop()).toBe(0)
}

/** A new Vietnamese browser context on a desk's screen, at `path`, signed in as `username` through the login page. */
export async function signedInPage(running: DemoConsole, path: string, username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await running.browser.newContext({ locale: 'vi-VN', viewport })
  const page = await context.newPage()
  await page.goto(running.server.url + path)
  await logIn(page, username)
  return page
}
