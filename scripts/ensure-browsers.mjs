#!/usr/bin/env node
// Finds the browser engines the end-to-end tests drive (scripts/browserEngines.mjs). Runs before
// `npm test`, and first in CI. As root on a machine with apt-get (CI, a Debian container), it
// installs Debian's packages for the engines it cannot find. Anywhere else it says, per missing
// engine, what to install, and lets `npm test` go on: the unit and type tests still run, and the
// end-to-end tests of that engine fail with the same message.
import { execFileSync } from 'node:child_process'
import process from 'node:process'
import { ENGINES, findEngine, thisMachine } from './browserEngines.mjs'

const machine = await thisMachine()
const find = () => ENGINES.map((engine) => findEngine(engine, machine))
let locations = find()
// Packages only for engines found nowhere: a wrong *_PATH is not fixed by installing anything.
const packages = locations.flatMap((location) => location.packages ?? [])
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

if (packages.length > 0 && isRoot && machine.aptGet) {
  console.log(`Installing ${packages.join(' ')} for the end-to-end tests (apt-get)…`)
  const apt = (args) =>
    execFileSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  apt(['update'])
  apt(['install', '-y', ...packages])
  locations = find()
}

for (const location of locations) {
  if (location.driver === 'missing') console.error(`${location.message}\n`)
  else if (location.source !== 'debian') {
    const where = location.driver === 'webkitgtk' ? location.driverPath : location.executablePath
    console.log(`End-to-end tests: ${location.engine} is ${where} (${location.source})`)
  }
}
const missing = locations.filter((location) => location.driver === 'missing')
if (missing.length > 0) {
  console.error(
    `npm test goes on: the unit and type tests run; the end-to-end tests in ` +
      `${missing.map((location) => location.engine).join(', ')} fail with the message above.`,
  )
}
