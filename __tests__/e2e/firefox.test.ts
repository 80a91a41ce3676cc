// The demo in Firefox ESR (puppeteer-core over WebDriver BiDi): the scenarios of ./scenarios.
import { firefoxDriver } from './drivers/firefox'
import { describeEngine } from './support/describeEngine'

describeEngine('firefox', firefoxDriver)
