// Finding the sender's tab in jsdom at 1, 10, 100 and 1000 open tabs, one jsdom page for each,
// all measured in the same rounds (see ../lib/sender.ts).
import { benchSender as bench, type SenderRun } from '../lib/sender.js'
import { createPage } from './page.js'

export function benchSender(tabCounts: number[] = [1, 10, 100, 1000]): SenderRun {
  const pages = tabCounts.map(() => createPage())
  const run = bench(
    pages.map((page, i) => ({ view: page.view, frames: page.addFrames(tabCounts[i]!) })),
  )
  for (const page of pages) page.close()
  return run
}
