import { defineConfig } from 'vite'

// No React plugin: esbuild compiles TSX with the automatic runtime (tsconfig jsx: react-jsx);
// the console is built, not developed with hot reload, so the plugin would only add weight.
declare const process: { env: Record<string, string | undefined> }

// An empty NODE_ENV in the environment (as on our CI machines) would make a development build
// of React and Ant Design: a build is for production unless NODE_ENV says otherwise.
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production'

// Run as `vite build web`: web/ is the root, the output web/dist.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
    // Which chunk imports which: the console benchmark sums a page's first screen from it.
    manifest: true,
    rollupOptions: {
      // Two pages, two bundles: the officials' console (index.html) and the citizens' portal
      // (portal.html, served at /cong-dich-vu/ and /tra-cuu/…), which shares no chunk with the console's Ant Design.
      input: { console: new URL('./index.html', import.meta.url).pathname, portal: new URL('./portal.html', import.meta.url).pathname },
      // Ant Design marks its modules "use client" for React Server Components; meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
})
