// The CRM page in each tab frame of the memory bench, inlined into /crm.html. With `?client=1` it
// is a page with the package's client, which asks UCP for its hello; with `?client=0` it is the
// spec's page, which speaks only when the agent acts. Either says BENCH_READY once it is settled.
import { createCrmClient } from 'ucp-crm-bridge/client'

const config = JSON.parse(document.getElementById('bench-config')!.textContent!) as {
  hostOrigin: string
}
const ready = () => window.parent.postMessage({ type: 'BENCH_READY' }, config.hostOrigin)
if (new URLSearchParams(location.search).get('client') === '1') {
  // The bench waits for every frame itself: with 1000 frames loading at once, a hello can take
  // longer than the default 10 s on a loaded machine.
  void createCrmClient({ parentOrigin: config.hostOrigin, readyTimeout: 600_000 }).ready.then(ready)
} else {
  ready()
}
