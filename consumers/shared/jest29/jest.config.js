// The stock ts-jest preset in jsdom. `roots` only says where the tests are (shared with the other
// test runners); nothing here is about ucp-crm-bridge.
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/../tests'],
}
