import { spawn } from 'node:child_process'

/** A virtual X display, and the function that ends it. */
export interface VirtualDisplay {
  display: string
  stop(): void
}

/**
 * Starts Xvfb (`path`, found by scripts/browserEngines.mjs) on a free display (Xvfb picks it and
 * writes its number to fd 3), for browsers that have no headless mode. Works with or without a
 * desktop, as root or not, in CI or not.
 */
export async function startXvfb(path: string): Promise<VirtualDisplay> {
  const child = spawn(
    path,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const number = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdio[3]!.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve(out.trim())
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)))
  })
  return { display: `:${number}`, stop: () => void child.kill() }
}
