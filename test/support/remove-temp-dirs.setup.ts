import { afterAll } from 'vitest'
import { removeTempDirs } from './temp-dirs.js'

// Registered before the file's own hooks, so it runs after them: servers are stopped first.
afterAll(removeTempDirs)
