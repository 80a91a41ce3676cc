// A heap snapshot of a page, through the DevTools protocol, streamed to a file (a snapshot of a
// page with 1000 tabs is larger than the longest string Node can hold).
import { createWriteStream } from 'node:fs'
import type { PageSession } from './cdp.js'

/** Writes the page's heap snapshot, after a full GC, to `file`; returns `file`. */
export async function writeHeapSnapshot(page: PageSession, file: string): Promise<string> {
  const out = createWriteStream(file)
  const stop = page.on('HeapProfiler.addHeapSnapshotChunk', (params) => {
    out.write(params.chunk as string)
  })
  await page.send('HeapProfiler.enable')
  await page.send('HeapProfiler.collectGarbage')
  await page.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  stop()
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  await page.send('HeapProfiler.disable')
  return file
}
