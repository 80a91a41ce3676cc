// Where the end-to-end tests find their browser engines, on Debian and elsewhere (macOS, another
// Linux). findEngine is a pure function of the environment and of which files are executable, so
// that it is tested without browsers; locateEngine asks it about this machine, for the drivers and
// for `npm test`'s pretest (scripts/ensure-browsers.mjs). In order, an engine is:
//   1. where its environment variables say (CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH with
//      MINIBROWSER_PATH and XVFB_PATH): set, they are obeyed or reported, never second-guessed;
//   2. Debian's package (what CI installs, so CI runs exactly what it ran before);
//   3. Playwright's own build (`npx playwright-core install …`), where playwright-core expects it.
import { accessSync, constants } from 'node:fs'
import process from 'node:process'

/** @typedef {import('./browserEngines.d.mts').Engine} Engine */
/** @typedef {import('./browserEngines.d.mts').EngineLocation} EngineLocation */
/** @typedef {import('./browserEngines.d.mts').Machine} Machine */

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit'])

// Debian's multiarch directory, where webkit2gtk-driver's MiniBrowser lives.
const MULTIARCH = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }

const DEBIAN = {
  chromium: { label: 'Chromium', binary: '/usr/bin/chromium', packages: ['chromium'] },
  firefox: { label: 'Firefox', binary: '/usr/bin/firefox-esr', packages: ['firefox-esr'] },
  webkit: { label: 'WebKit', packages: ['webkit2gtk-driver', 'xvfb'] },
}

// What each engine's environment variable must point at, in the words of the messages.
const WANTED = {
  CHROMIUM_PATH: 'a Chromium or Chrome executable',
  FIREFOX_PATH: 'a Firefox executable (macOS: /Applications/Firefox.app/Contents/MacOS/firefox)',
  WEBKIT_DRIVER_PATH: "WebKitGTK's WebKitWebDriver",
  MINIBROWSER_PATH: "WebKitGTK's MiniBrowser",
  XVFB_PATH: 'Xvfb',
}

/** WebKitGTK's three binaries on Debian, for this architecture. */
function debianWebKit(arch) {
  return {
    driverPath: '/usr/bin/WebKitWebDriver',
    miniBrowserPath: `/usr/lib/${MULTIARCH[arch] ?? `${arch}-linux-gnu`}/webkit2gtk-4.1/MiniBrowser`,
    xvfbPath: '/usr/bin/Xvfb',
  }
}

/** The install instructions for an engine found nowhere. */
function notFound(engine, machine) {
  const { label, packages } = DEBIAN[engine]
  const lines = [`No ${label} for the end-to-end tests. Install it with one of:`]
  if (machine.aptGet) lines.push(`  sudo apt-get install -y ${packages.join(' ')}   (Debian's)`)
  lines.push(`  npx playwright-core install ${engine}   (Playwright's own build)`)
  lines.push(
    engine === 'webkit'
      ? `or set WEBKIT_DRIVER_PATH, MINIBROWSER_PATH and XVFB_PATH to ${WANTED.WEBKIT_DRIVER_PATH} and MiniBrowser and to Xvfb.`
      : `or set ${engine.toUpperCase()}_PATH to ${WANTED[`${engine.toUpperCase()}_PATH`]}.`,
  )
  return { engine, driver: 'missing', message: lines.join('\n'), packages }
}

/** An environment variable that points at no executable: said as it is, with nothing to install. */
function badVariables(engine, variables) {
  const lines = variables.map(
    ([name, path]) => `${name} is ${path}, which is no executable file: set it to ${WANTED[name]}`,
  )
  const message = `${DEBIAN[engine].label} for the end-to-end tests:\n  ${lines.join('\n  ')}\nor unset it to use Debian's or Playwright's.`
  return { engine, driver: 'missing', message, packages: [] }
}

/**
 * Where `engine` is on `machine`, and how the tests drive it: `playwright` (playwright-core, for
 * Chromium and for Playwright's own Firefox and WebKit), `bidi` (a stock Firefox over WebDriver
 * BiDi, with puppeteer-core), `webkitgtk` (WebKitWebDriver and MiniBrowser on an Xvfb display), or
 * `missing` with a message saying what to install.
 * @param {Engine} engine
 * @param {Machine} machine
 * @returns {EngineLocation}
 */
export function findEngine(engine, machine) {
  const { env, isExecutable } = machine
  const playwright = machine.playwright?.[engine]
  const fromPlaywright =
    playwright !== undefined && isExecutable(playwright)
      ? { engine, driver: 'playwright', executablePath: playwright, source: 'playwright' }
      : undefined

  if (engine === 'webkit') {
    const chosen = ['WEBKIT_DRIVER_PATH', 'MINIBROWSER_PATH', 'XVFB_PATH'].some((name) => env[name])
    const debian = debianWebKit(machine.arch)
    const paths = {
      driverPath: env.WEBKIT_DRIVER_PATH || debian.driverPath,
      miniBrowserPath: env.MINIBROWSER_PATH || debian.miniBrowserPath,
      xvfbPath: env.XVFB_PATH || debian.xvfbPath,
    }
    const complete = Object.values(paths).every((path) => isExecutable(path))
    if (complete)
      return { engine, driver: 'webkitgtk', ...paths, source: chosen ? 'env' : 'debian' }
    if (chosen) {
      const names = {
        driverPath: 'WEBKIT_DRIVER_PATH',
        miniBrowserPath: 'MINIBROWSER_PATH',
        xvfbPath: 'XVFB_PATH',
      }
      const bad = Object.entries(paths)
        .filter(([, path]) => !isExecutable(path))
        .map(([key, path]) => [names[key], path])
      return badVariables(engine, bad)
    }
    return fromPlaywright ?? notFound(engine, machine)
  }

  const variable = `${engine.toUpperCase()}_PATH`
  const driver = engine === 'firefox' ? 'bidi' : 'playwright'
  const chosen = env[variable]
  if (chosen) {
    return isExecutable(chosen)
      ? { engine, driver, executablePath: chosen, source: 'env' }
      : badVariables(engine, [[variable, chosen]])
  }
  const { binary } = DEBIAN[engine]
  if (isExecutable(binary)) return { engine, driver, executablePath: binary, source: 'debian' }
  return fromPlaywright ?? notFound(engine, machine)
}

/** True if `path` is a file this process may execute. */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * This machine, as findEngine reads it. playwright-core is loaded only if it is installed: CI runs
 * the pretest before `npm ci`, on a clean clone.
 * @returns {Promise<Machine>}
 */
export async function thisMachine() {
  const playwright = await import('playwright-core').catch(() => undefined)
  return {
    env: process.env,
    isExecutable,
    arch: process.arch,
    aptGet: isExecutable('/usr/bin/apt-get'),
    playwright: playwright && {
      chromium: expectedBy(playwright.chromium),
      firefox: expectedBy(playwright.firefox),
      webkit: expectedBy(playwright.webkit),
    },
  }
}

/** Where playwright-core expects its own build; undefined on a platform it has no build for. */
function expectedBy(browserType) {
  try {
    return browserType.executablePath()
  } catch {
    return undefined
  }
}

/**
 * Where `engine` is on this machine; throws the message that says what to install if it is nowhere.
 * @param {Engine} engine
 */
export async function locateEngine(engine) {
  const location = findEngine(engine, await thisMachine())
  if (location.driver === 'missing') throw new Error(location.message)
  return location
}
