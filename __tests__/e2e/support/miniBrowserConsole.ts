import { spawn } from 'node:child_process'
import type { WebKitGtk } from '../../../scripts/browserEngines.mjs'
import { startXvfb } from '../drivers/xvfb'

/**
 * Loads `url` in MiniBrowser on its own (no WebKitWebDriver, whose sessions write no console),
 * on its own Xvfb display, with every console line of every frame written to its standard output,
 * the browser's own (`CONSOLE SECURITY ERROR Unable to post message to …`) included. Returns those
 * lines once one matches `until`, or after `timeoutMs`.
 */
export async function readMiniBrowserConsole(
  { miniBrowserPath, xvfbPath }: WebKitGtk,
  url: string,
  until: RegExp,
  timeoutMs = 60_000,
): Promise<string[]> {
  const xvfb = await startXvfb(xvfbPath)
  // Under a pseudo-terminal (util-linux `script`), so that the web processes write each line at
  // once: into a pipe they would hold their lines until they exit.
  const command = `${miniBrowserPath} --enable-write-console-messages-to-stdout=true '${url}'`
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const lines: string[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs)
      let rest = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n')
        rest = parts.pop()!
        for (const line of parts.map((part) => part.trimEnd()).filter(Boolean)) {
          lines.push(line)
          if (until.test(line)) {
            clearTimeout(timer)
            resolve()
          }
        }
      })
      child.once('error', reject)
    })
  } finally {
    child.kill()
    xvfb.stop()
  }
  return lines
}
