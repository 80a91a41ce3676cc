// The client entry, under Jest 29 and 30 (CommonJS, through ts-jest) and Vitest (ES modules).
import { CrmClientError, createCrmClient } from 'ucp-crm-bridge/client'

test('a page that is not in a frame is told so', async () => {
  const client = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
  await expect(client.ready).rejects.toBeInstanceOf(CrmClientError)
  await expect(client.ready).rejects.toMatchObject({ code: 'no-parent' })
  client.destroy()
})
