import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../support/files.js'
import { startCli, waitForStderr } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

const processDatabase = useProcessDatabase()

describe('npm start on a fresh install', () => {
  it('listens first, loads the demo district behind it (and /api/health says so), warms the engine, and stops cleanly on SIGTERM — also in the middle of warming it', async () => {
    const dataDir = join(tempDir(), 'data')
    const server = startCli(['serve', '--port', '0', '--data', dataDir], processDatabase.env())
    try {
      const address = (await waitForStderr(server, /http:\/\/[\d.:]+/)).trim()
      const whileLoading = await fetch(`${address}/api/health`)
      expect(whileLoading.status).toBe(200)
      const loading = await whileLoading.json()
      // Answered at once; the demo is loading unless it has already finished.
      if (!server.output().stderr.includes('Đã nạp')) expect(loading).toMatchObject({ status: 'ok', demo: 'loading', message: 'Đang nạp dữ liệu mẫu…' })
      await waitForStderr(server, /Đã nạp \d+ đơn vị/)
      const health = await fetch(`${address}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok', database: expect.any(String) })
      // Then the engine is warmed once (a table and a Decision 766 overview), without a warning.
      await waitForStderr(server, /Đã khởi động sẵn bộ tính chỉ số \([\d.]+ ms\)\./)
      expect(server.output().stderr).not.toContain('Cảnh báo')
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
    // Stopped while it was warming up: the warm-up is cut short, not reported as a failure.
    expect(again.output().stderr).not.toContain('Cảnh báo')
  })
})
