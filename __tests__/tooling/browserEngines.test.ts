// @vitest-environment node
// Where the end-to-end tests find their engines (scripts/browserEngines.mjs), on machines made of
// an environment and a set of executable files: Debian as CI has it, macOS with Playwright's
// builds, paths given by environment variables, and machines where an engine is nowhere.
import { describe, expect, it } from 'vitest'
import { findEngine, type Machine } from '../../scripts/browserEngines.mjs'

const DEBIAN_FILES = [
  '/usr/bin/apt-get',
  '/usr/bin/chromium',
  '/usr/bin/firefox-esr',
  '/usr/bin/WebKitWebDriver',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/bin/Xvfb',
]
const PLAYWRIGHT = {
  chromium: '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
  firefox: '/home/me/.cache/ms-playwright/firefox-1572/firefox/firefox',
  webkit: '/home/me/.cache/ms-playwright/webkit-2388/pw_run.sh',
}

function machine(files: string[], env: Record<string, string> = {}, arch = 'x64'): Machine {
  const executable = new Set(files)
  return {
    env,
    arch,
    aptGet: executable.has('/usr/bin/apt-get'),
    isExecutable: (path) => executable.has(path),
    playwright: PLAYWRIGHT,
  }
}

describe('findEngine on Debian, as CI has it', () => {
  const debian = machine(DEBIAN_FILES)

  it("drives Debian's Chromium with playwright-core and its Firefox ESR over WebDriver BiDi", () => {
    expect(findEngine('chromium', debian)).toEqual({
      engine: 'chromium',
      driver: 'playwright',
      executablePath: '/usr/bin/chromium',
      source: 'debian',
    })
    expect(findEngine('firefox', debian)).toEqual({
      engine: 'firefox',
      driver: 'bidi',
      executablePath: '/usr/bin/firefox-esr',
      source: 'debian',
    })
  })

  it("drives WebKitGTK's MiniBrowser through WebKitWebDriver on Xvfb, from the architecture's directory", () => {
    expect(findEngine('webkit', debian)).toEqual({
      engine: 'webkit',
      driver: 'webkitgtk',
      driverPath: '/usr/bin/WebKitWebDriver',
      miniBrowserPath: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      xvfbPath: '/usr/bin/Xvfb',
      source: 'debian',
    })
    const arm = machine(
      DEBIAN_FILES.map((file) => file.replace('x86_64', 'aarch64')),
      {},
      'arm64',
    )
    expect(findEngine('webkit', arm)).toMatchObject({
      driver: 'webkitgtk',
      miniBrowserPath: '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    })
  })

  it("prefers Debian's packages to Playwright's builds, so that CI runs what it always ran", () => {
    const both = machine([...DEBIAN_FILES, ...Object.values(PLAYWRIGHT)])
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      expect(findEngine(engine, both)).toMatchObject({ source: 'debian' })
    }
  })
})

describe('findEngine with Playwright’s own builds (macOS, another Linux)', () => {
  it('drives each of them with playwright-core, where playwright-core expects it', () => {
    const mac = machine(Object.values(PLAYWRIGHT))
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      expect(findEngine(engine, mac)).toEqual({
        engine,
        driver: 'playwright',
        executablePath: PLAYWRIGHT[engine],
        source: 'playwright',
      })
    }
  })

  it("uses Playwright's WebKit when WebKitGTK is there only in part (no Xvfb)", () => {
    const partial = machine([
      ...DEBIAN_FILES.filter((f) => f !== '/usr/bin/Xvfb'),
      PLAYWRIGHT.webkit,
    ])
    expect(findEngine('webkit', partial)).toMatchObject({
      driver: 'playwright',
      source: 'playwright',
    })
  })
})

describe('findEngine with paths in environment variables', () => {
  it('obeys CHROMIUM_PATH and FIREFOX_PATH before any package', () => {
    const files = [...DEBIAN_FILES, '/opt/chrome/chrome', '/Applications/Firefox.app/firefox']
    const env = {
      CHROMIUM_PATH: '/opt/chrome/chrome',
      FIREFOX_PATH: '/Applications/Firefox.app/firefox',
    }
    expect(findEngine('chromium', machine(files, env))).toEqual({
      engine: 'chromium',
      driver: 'playwright',
      executablePath: '/opt/chrome/chrome',
      source: 'env',
    })
    expect(findEngine('firefox', machine(files, env))).toMatchObject({
      driver: 'bidi',
      executablePath: '/Applications/Firefox.app/firefox',
      source: 'env',
    })
  })

  it("takes WebKitGTK's binaries from WEBKIT_DRIVER_PATH, MINIBROWSER_PATH and XVFB_PATH, Debian's for the ones unset", () => {
    const files = ['/opt/wk/WebKitWebDriver', '/opt/wk/MiniBrowser', '/usr/bin/Xvfb']
    const env = {
      WEBKIT_DRIVER_PATH: '/opt/wk/WebKitWebDriver',
      MINIBROWSER_PATH: '/opt/wk/MiniBrowser',
    }
    expect(findEngine('webkit', machine(files, env))).toEqual({
      engine: 'webkit',
      driver: 'webkitgtk',
      driverPath: '/opt/wk/WebKitWebDriver',
      miniBrowserPath: '/opt/wk/MiniBrowser',
      xvfbPath: '/usr/bin/Xvfb',
      source: 'env',
    })
  })

  it('reports a variable that points at nothing, and never falls back behind it', () => {
    const everything = [...DEBIAN_FILES, ...Object.values(PLAYWRIGHT)]
    const wrong = findEngine('chromium', machine(everything, { CHROMIUM_PATH: '/opt/nothing' }))
    expect(wrong).toMatchObject({ driver: 'missing', packages: [] })
    expect(wrong).toHaveProperty(
      'message',
      expect.stringContaining('CHROMIUM_PATH is /opt/nothing, which is no executable file'),
    )
    const webkit = findEngine(
      'webkit',
      machine(everything, { MINIBROWSER_PATH: '/opt/MiniBrowser' }),
    )
    expect(webkit).toMatchObject({ driver: 'missing', packages: [] })
    expect(webkit).toHaveProperty(
      'message',
      expect.stringContaining('MINIBROWSER_PATH is /opt/MiniBrowser'),
    )
    expect(webkit).toHaveProperty('message', expect.not.stringContaining('WEBKIT_DRIVER_PATH is'))
  })
})

describe('findEngine where an engine is nowhere', () => {
  it('says which packages apt-get installs, on a machine that has apt-get', () => {
    const location = findEngine('webkit', machine(['/usr/bin/apt-get', '/usr/bin/WebKitWebDriver']))
    expect(location).toMatchObject({ driver: 'missing', packages: ['webkit2gtk-driver', 'xvfb'] })
    expect(location).toHaveProperty(
      'message',
      expect.stringContaining('sudo apt-get install -y webkit2gtk-driver xvfb'),
    )
    expect(location).toHaveProperty(
      'message',
      expect.stringContaining('npx playwright-core install webkit'),
    )
  })

  it("offers Playwright's build and the variable, and no apt-get, elsewhere", () => {
    const bare: Machine = { ...machine([]), playwright: undefined }
    for (const [engine, variable] of [
      ['chromium', 'CHROMIUM_PATH'],
      ['firefox', 'FIREFOX_PATH'],
      ['webkit', 'WEBKIT_DRIVER_PATH'],
    ] as const) {
      const location = findEngine(engine, bare)
      expect(location.driver).toBe('missing')
      const message = (location as { message: string }).message
      expect(message).toContain(`npx playwright-core install ${engine}`)
      expect(message).toContain(`set ${variable}`)
      expect(message).not.toContain('apt-get')
    }
  })
})
