// What webpack's asset/resource rule makes of the script-tag client: its URL.
declare module 'ucp-crm-bridge/client.global.js' {
  const url: string
  export default url
}
