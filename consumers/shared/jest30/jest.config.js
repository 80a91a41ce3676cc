// The same configuration as Jest 29's: the stock ts-jest preset in jsdom.
module.exports = require('../jest29/jest.config.js')
