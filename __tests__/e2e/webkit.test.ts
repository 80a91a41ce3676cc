// The demo in WebKitGTK (WebKitWebDriver and selenium-webdriver, on its own Xvfb display).
import { describeEngine } from './support/describeEngine'
import { webkitDriver } from './drivers/webkit'

describeEngine('webkit', webkitDriver)
