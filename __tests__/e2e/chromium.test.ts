// The demo in Chromium (playwright-core): the scenarios of ./scenarios, as in every engine.
import { chromiumDriver } from './drivers/chromium'
import { describeEngine } from './support/describeEngine'

describeEngine('chromium', chromiumDriver)
