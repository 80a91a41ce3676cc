#!/usr/bin/env node
// Makes sure the real browser engines the end-to-end tests drive are installed (Debian packages).
// Runs before `npm test`. As root it installs what is missing with apt-get; otherwise it says what
// to install and fails, since the end-to-end tests cannot pass without them.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// WebKitGTK's MiniBrowser has no headless mode: its tests run it on an Xvfb display of their own.
export const ENGINES = [
  { name: 'Chromium', binaries: ['/usr/bin/chromium'], packages: ['chromium'] },
  { name: 'Firefox ESR', binaries: ['/usr/bin/firefox-esr'], packages: ['firefox-esr'] },
  {
    name: 'WebKitGTK',
    binaries: [
      '/usr/bin/WebKitWebDriver',
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/bin/Xvfb',
    ],
    packages: ['webkit2gtk-driver', 'xvfb'],
  },
]

const missing = ENGINES.filter((engine) => !engine.binaries.every((binary) => existsSync(binary)))
if (missing.length === 0) process.exit(0)

const packages = missing.flatMap((engine) => engine.packages)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    `The end-to-end tests need ${missing.map((e) => e.name).join(', ')}. Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
  )
  process.exit(1)
}
console.log(`Installing ${packages.join(' ')} for the end-to-end tests (apt-get)…`)
const apt = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
apt(['update'])
apt(['install', '-y', ...packages])
