import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './support/files.js'
import { startCli, waitForStderr } from './support/run-cli.js'
import { useProcessDatabase } from './support/test-database.js'

const processDatabase = useProcessDatabase()

describe('npm start on a fresh install', () => {
  it('loads the demo district on the first start, serves /api/health, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'data')
    const server = startCli(['serve', '--port', '0', '--data', dataDir], processDatabase.env())
    try {
      await waitForStderr(server, /Đã nạp \d+ đơn vị/)
      const address = (await waitForStderr(server, /http:\/\/[\d.:]+/)).trim()
      const health = await fetch(`${address}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok' })
    } finally {
      server.kill('SIGTERM')
    }
    expect((await server.done).code).toBe(0)

    // The second start finds the data and does not load it again.
    const again = startCli(['serve', '--port', '0', '--data', dataDir], processDatabase.env())
    try {
      await waitForStderr(again, /đang chạy tại/)
      expect(again.output().stderr).not.toContain('Lần chạy đầu tiên')
    } finally {
      again.kill('SIGTERM')
    }
    expect((await again.done).code).toBe(0)
  })
})
