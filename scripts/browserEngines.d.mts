/** The engines the end-to-end tests run in. */
export type Engine = 'chromium' | 'firefox' | 'webkit'

/** Where an engine was found: its environment variable, Debian's package or Playwright's build. */
export type EngineSource = 'env' | 'debian' | 'playwright'

/** An engine driven by playwright-core: Chromium, or Playwright's own Firefox or WebKit. */
export interface PlaywrightEngine {
  engine: Engine
  driver: 'playwright'
  executablePath: string
  source: EngineSource
}
/** A stock Firefox, driven over WebDriver BiDi (puppeteer-core). */
export interface BidiFirefox {
  engine: 'firefox'
  driver: 'bidi'
  executablePath: string
  source: EngineSource
}
/** WebKitGTK: MiniBrowser through WebKitWebDriver, on an Xvfb display. */
export interface WebKitGtk {
  engine: 'webkit'
  driver: 'webkitgtk'
  driverPath: string
  miniBrowserPath: string
  xvfbPath: string
  source: EngineSource
}
/** An engine found nowhere: what to install, and Debian's packages for it. */
export interface MissingEngine {
  engine: Engine
  driver: 'missing'
  message: string
  packages: string[]
}

/** How each engine may be found. */
export interface FoundEngines {
  chromium: PlaywrightEngine
  firefox: PlaywrightEngine | BidiFirefox
  webkit: PlaywrightEngine | WebKitGtk
}
export type EngineLocation = FoundEngines[Engine] | MissingEngine

/** What findEngine reads of a machine. */
export interface Machine {
  env: Record<string, string | undefined>
  /** True if the path is a file this process may execute. */
  isExecutable(path: string): boolean
  /** `process.arch`: where Debian puts MiniBrowser. */
  arch: string
  /** Whether apt-get is there: the messages then offer Debian's packages. */
  aptGet: boolean
  /** Where playwright-core expects its own builds; undefined when it is not installed. */
  playwright?: Partial<Record<Engine, string | undefined>> | undefined
}

export const ENGINES: readonly Engine[]
/** Where `engine` is on `machine` and how to drive it, or what to install. Pure. */
export function findEngine<E extends Engine>(
  engine: E,
  machine: Machine,
): FoundEngines[E] | MissingEngine
export function isExecutable(path: string): boolean
/** This machine, as findEngine reads it. */
export function thisMachine(): Promise<Machine>
/** Where `engine` is on this machine; throws the message saying what to install if it is nowhere. */
export function locateEngine<E extends Engine>(engine: E): Promise<FoundEngines[E]>
