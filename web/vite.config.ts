import { defineConfig } from 'vite'

// No React plugin: esbuild compiles TSX with the automatic runtime (tsconfig jsx: react-jsx);
// the console is built, not developed with hot reload, so the plugin would only add weight.
// Run as `vite build web`: web/ is the root, the output web/dist.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true,
    rollupOptions: {
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
