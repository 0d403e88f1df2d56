/**
 * On a fresh install the server answers at once and loads the demo behind it (/api/health says
 * demo: "loading"): resolves once it has finished, calling `onLoading` while it has not.
 */
export async function untilDemoLoaded(onLoading: () => void): Promise<void> {
  for (;;) {
    const health = await fetch('/api/health')
      .then((response) => response.json() as Promise<{ demo?: string }>)
      .catch(() => ({ demo: undefined }))
    if (health.demo !== 'loading') return
    onLoading()
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
}
