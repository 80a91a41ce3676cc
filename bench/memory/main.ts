// The memory part of the bench, in a Chromium of its own (./cdp.ts). Prints one line of JSON.
//   node bench/run.mjs bench/memory/main.ts
//   node bench/run.mjs bench/memory/main.ts --snapshots DIR [--shape package|plain] [--tabs N]
// The second form measures nothing: it writes heap snapshots of one host, empty and with N tabs
// (default 1000), to DIR, and prints what the tabs added, by object, with what retains it.
import { startBenchServer } from '../chromium/server.js'
import { launchChromium, type Chromium } from './cdp.js'
import { heapDiff } from './heapDiff.js'
import { writeHeapSnapshot } from './heapSnapshot.js'
import type { HostShape } from './hostPage.js'
import { benchMemory, mountWarm, openHostPage, type MemoryRun } from './memory.js'

export interface MemoryResult {
  version: string
  memory: MemoryRun
}

const root = process.env.UCP_BENCH_ROOT ?? process.cwd()
const option = (name: string) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}

async function snapshots(chromium: Chromium, url: string, dir: string) {
  const shape = (option('--shape') ?? 'package') as HostShape
  const tabs = Number(option('--tabs') ?? 1000)
  const page = await openHostPage(chromium, url)
  await mountWarm(page, shape)
  const before = await writeHeapSnapshot(page, `${dir}/${shape}-0.heapsnapshot`)
  await page.evaluate(`window.benchMemory.open(${tabs})`)
  const after = await writeHeapSnapshot(page, `${dir}/${shape}-${tabs}.heapsnapshot`)
  await page.close()
  console.log(heapDiff(before, after, tabs))
}

const server = await startBenchServer(root, 10)
const chromium = await launchChromium(['--js-flags=--expose-gc'])
try {
  const url = `${server.hostUrl}memory.html`
  const dir = option('--snapshots')
  if (dir) await snapshots(chromium, url, dir)
  else {
    const memory = await benchMemory(chromium, url)
    const result: MemoryResult = { version: chromium.version, memory }
    console.log(JSON.stringify(result))
  }
} finally {
  await chromium.close()
  await server.close()
}
