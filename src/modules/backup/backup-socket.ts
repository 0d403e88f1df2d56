import { chmodSync, createWriteStream, rmSync } from 'node:fs'
import { userInfo } from 'node:os'
import { createConnection, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { DatabaseHandle } from '../../db/open-database.js'
import { writeBackup } from './write-backup.js'

/**
 * The embedded database belongs to one process: while the server runs, `cli -- backup` asks it
 * for the backup through a Unix socket in the data folder (mode 0600: whoever may read the data
 * folder may take a backup, nobody else). The server writes the backup to the socket and closes it.
 */
export function backupSocketPath(dataDir: string): string {
  return join(dataDir, 'motcua-backup.sock')
}

export async function serveBackups(handle: DatabaseHandle, dataDir: string, filesDir: string, onError: (error: unknown) => void): Promise<Server> {
  const path = backupSocketPath(dataDir)
  rmSync(path, { force: true })
  const server = createServer((socket) => {
    // Only the owner of the data folder can open the socket: the backup is theirs.
    writeBackup(handle, filesDir, socket, `cli:${userInfo().username}`).catch((error: unknown) => {
      socket.destroy()
      onError(error)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  chmodSync(path, 0o600)
  server.on('close', () => rmSync(path, { force: true }))
  return server
}

/** Receives a backup from the running server into `file`. */
export async function fetchBackupFromServer(dataDir: string, file: string): Promise<void> {
  const socket = createConnection(backupSocketPath(dataDir))
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('error', reject)
  })
  await pipeline(socket, createWriteStream(file, { flags: 'wx', mode: 0o600 }))
}
