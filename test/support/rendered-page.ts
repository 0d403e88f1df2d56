import { launchChromium } from './web-console.js'

const page = (paragraphs: readonly string[]) =>
  `<html><body style="font-family:'Liberation Serif',serif;font-size:30px;line-height:1.5;margin:80px;color:#000;background:#fff">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`

/**
 * A page of Vietnamese text as a scanner would give it: rendered by Chromium from known
 * paragraphs, as a PNG (a photo of the page) and as an A4 PDF (read back through pdftoppm).
 */
export async function renderTextPage(paragraphs: readonly string[]): Promise<{ png: Buffer; pdf: Buffer }> {
  const browser = await launchChromium()
  try {
    const tab = await browser.newPage({ viewport: { width: 1240, height: 1754 } })
    await tab.setContent(page(paragraphs))
    return { png: await tab.screenshot(), pdf: await tab.pdf({ format: 'A4' }) }
  } finally {
    await browser.close()
  }
}
