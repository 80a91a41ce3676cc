// Older UCP code: CommonJS, requiring the core.
module.exports = require('ucp-crm-bridge')
