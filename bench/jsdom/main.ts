// One part of the jsdom bench, in its own Node process so that the parts do not disturb each other:
//   node bench/run.mjs bench/jsdom/main.ts sender|dial
// Prints the part's raw result as one line of JSON on stdout.
import { benchDial } from './dial.js'
import { benchSender } from './sender.js'

const part = process.argv[2]
const parts: Record<string, () => unknown> = {
  sender: () => benchSender(),
  dial: () => benchDial(),
}
const run = part === undefined ? undefined : parts[part]
if (!run) {
  console.error(`usage: bench/jsdom/main.ts ${Object.keys(parts).join('|')}`)
  process.exit(2)
}
console.log(JSON.stringify(await run()))
