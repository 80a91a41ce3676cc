// @vitest-environment node
// The heap figures need forced garbage collection, so the probe runs in its own
// `node --expose-gc` process (esbuild bundles it with the package's sources, as users get them).
import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode, root } from '../../scripts/bundleForNode.mjs'

const outdir = `${root}node_modules/.cache/ucp-crm-bridge-leaks`
const probe = `${outdir}/heapProbe.mjs`
/** What 10,000 cycles may leave on the heap: a leak of 100 bytes a cycle would pass it. */
const NEAR_BASELINE = 1024 * 1024

let probes: Record<'cycles' | 'leakyCycles' | 'windows', Promise<Record<string, unknown>>>

beforeAll(async () => {
  mkdirSync(outdir, { recursive: true })
  await bundleForNode('__tests__/leaks/support/heapProbe.ts', probe)
  // Separate processes: they run side by side and measure apart.
  probes = {
    cycles: runProbe('cycles', '10000'),
    leakyCycles: runProbe('cycles', '1000', '--keep-frames'),
    windows: runProbe('windows'),
  }
  // A failure is reported by the test that awaits it; this keeps it from being unhandled first.
  for (const probe of Object.values(probes)) probe.catch(() => undefined)
})

async function runProbe(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', probe, ...args])
  return JSON.parse(stdout) as Record<string, unknown>
}

describe('leaks, measured with --expose-gc', () => {
  it('leaves the registry empty and the heap near its baseline after 10,000 cycles', async () => {
    const result = await probes.cycles
    expect(result).toMatchObject({ registrySize: 0, openTabs: 0, calls: 50 })
    // Growth is what a leak looks like; the heap may well end below the baseline.
    expect(result.delta as number, JSON.stringify(result)).toBeLessThan(NEAR_BASELINE)
  }, 120_000)

  it('would see a leak: keeping each cycle’s iframe grows the heap past that bound', async () => {
    const result = await probes.leakyCycles
    expect(result.delta as number, JSON.stringify(result)).toBeGreaterThan(NEAR_BASELINE)
  }, 120_000)

  it('lets a removed frame’s window go, unregistered or not, while its tab stays open', async () => {
    const result = await probes.windows
    expect(result).toEqual({
      perCase: 20,
      aliveUnregistered: 0,
      aliveForgotten: 0,
      // The control: windows the probe itself holds are seen alive, so the method can tell.
      aliveHeld: 20,
      heldCount: 20,
      openTabs: 60,
      // Each frame's call was accepted; its message sent after the removal was turned away.
      stats: { accepted: 60, rejected: { 'unknown-source': 60 }, ignored: 0 },
    })
  }, 60_000)
})
