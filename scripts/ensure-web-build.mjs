// `npm start` runs this first: build the web console when web/dist is missing or older than
// its sources, so `npm install && npm start` serves an up-to-date console without a build step.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const web = join(root, 'web')
const builtPage = join(web, 'dist', 'index.html')

/** The newest modification time among the files the bundle is made from. */
function newestSource() {
  let newest = 0
  const visit = (path) => {
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const path of [join(web, 'src'), join(web, 'index.html'), join(web, 'portal.html'), join(web, 'vite.config.ts'), join(root, 'src', 'contracts'), join(root, 'package-lock.json'), join(root, 'src', 'domain', 'format'), join(root, 'src', 'domain', 'indicators', 'indicator-id.ts'), join(root, 'src', 'domain', 'dossiers', 'dossier-status.ts')]) {
    if (existsSync(path)) visit(path)
  }
  return newest
}

if (!existsSync(web)) process.exit(0)
const stale = !existsSync(builtPage) || statSync(builtPage).mtimeMs < newestSource()
if (!stale) process.exit(0)

process.stderr.write('Đang xây dựng giao diện web (web/dist)…\n')
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
const result = spawnSync(process.execPath, [vite, 'build', web, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
if (result.status !== 0) {
  process.stderr.write('Không xây dựng được giao diện web; máy chủ vẫn chạy API. Xem lỗi ở trên, hoặc chạy "npm run build:web".\n')
}
