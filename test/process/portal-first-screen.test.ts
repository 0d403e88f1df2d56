import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DIST = `${ROOT}web/dist/`

interface ManifestEntry {
  file: string
  imports?: string[]
  css?: string[]
}

/** Everything a page loads before its first screen: its entry, the chunks it imports statically, their CSS. */
function firstScreen(manifest: Record<string, ManifestEntry>, entry: string): string[] {
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]!
    if (files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(entry)
  return [...files]
}

describe('the citizens’ portal bundle', () => {
  it('loads its first screen in at most 150 KB gzipped, and none of the console’s code', { timeout: 600_000 }, async () => {
    // What `npm start` does first (without blocking the test runner while Vite builds).
    await promisify(execFile)(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: ROOT })
    const manifest = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, 'utf8')) as Record<string, ManifestEntry>
    const portal = firstScreen(manifest, 'portal.html')
    const gzipped = portal.reduce((sum, file) => sum + gzipSync(readFileSync(DIST + file), { level: 9 }).length, 0)
    expect(gzipped).toBeLessThanOrEqual(150 * 1024)
    expect(portal).not.toContain(manifest['index.html']!.file)
    // Ant Design and ECharts are the console's: no chunk of the portal's first screen carries them.
    for (const file of portal.filter((f) => f.endsWith('.js'))) expect(readFileSync(DIST + file, 'utf8'), file).not.toMatch(/ant-design|echarts/i)
    const page = readFileSync(`${DIST}portal.html`, 'utf8')
    expect(page).toContain('name="viewport" content="width=device-width')
    expect(page).toContain('lang="vi"')
  })
})
