// What a second heap snapshot holds that the first did not: its new objects grouped by kind, each
// group with its size, its count, the edges that hold it, and the shortest path from the GC roots
// to its largest object. V8 keeps node ids across the snapshots of one page, so "new" is an id
// the first snapshot does not have.
import { readFileSync } from 'node:fs'
import { int, table } from '../lib/table.js'

interface Snapshot {
  ids: Float64Array
  types: string[]
  names: string[]
  sizes: Float64Array
  /** Edges of node i: firstEdge[i] to firstEdge[i + 1] in `edgeTo`, `edgeKind`, `edgeName`. */
  firstEdge: Uint32Array
  edgeTo: Uint32Array
  edgeKind: string[]
  edgeName: string[]
}

function load(file: string): Snapshot {
  const { snapshot, nodes, edges, strings } = JSON.parse(readFileSync(file, 'utf8'))
  const meta = snapshot.meta
  const nodeFields: string[] = meta.node_fields
  const edgeFields: string[] = meta.edge_fields
  const nodeKinds: string[] = meta.node_types[0]
  const edgeKinds: string[] = meta.edge_types[0]
  const nf = nodeFields.length
  const ef = edgeFields.length
  const field = (name: string) => nodeFields.indexOf(name)
  const [kind, name, id, size, count] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(field)
  const n = nodes.length / nf
  const s: Snapshot = {
    ids: new Float64Array(n),
    types: new Array(n),
    names: new Array(n),
    sizes: new Float64Array(n),
    firstEdge: new Uint32Array(n + 1),
    edgeTo: new Uint32Array(edges.length / ef),
    edgeKind: new Array(edges.length / ef),
    edgeName: new Array(edges.length / ef),
  }
  let e = 0
  for (let i = 0; i < n; i++) {
    const at = i * nf
    s.ids[i] = nodes[at + id!]
    s.types[i] = nodeKinds[nodes[at + kind!]]!
    s.names[i] = strings[nodes[at + name!]]
    s.sizes[i] = nodes[at + size!]
    s.firstEdge[i] = e
    e += nodes[at + count!]
  }
  s.firstEdge[n] = e
  const [ekind, ename, eto] = ['type', 'name_or_index', 'to_node'].map((f) => edgeFields.indexOf(f))
  for (let k = 0; k < e; k++) {
    const at = k * ef
    const edgeKind = edgeKinds[edges[at + ekind!]]!
    s.edgeKind[k] = edgeKind
    const raw = edges[at + ename!]
    s.edgeName[k] = edgeKind === 'element' || edgeKind === 'hidden' ? `[${raw}]` : strings[raw]
    s.edgeTo[k] = edges[at + eto!] / nf
  }
  return s
}

const label = (s: Snapshot, i: number) =>
  `${s.types[i]} ${s.types[i]!.includes('string') ? '' : s.names[i]!.slice(0, 48)}`.trim()
const strong = (kind: string) => kind !== 'weak' && kind !== 'shortcut'

/** The shortest strong path from the GC roots (node 0) to every node: each node's parent edge. */
function parents(s: Snapshot): Int32Array {
  const parentEdge = new Int32Array(s.ids.length).fill(-1)
  const queue = [0]
  const seen = new Uint8Array(s.ids.length)
  seen[0] = 1
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]!
    for (let k = s.firstEdge[from]!; k < s.firstEdge[from + 1]!; k++) {
      const to = s.edgeTo[k]!
      if (seen[to] || !strong(s.edgeKind[k]!)) continue
      seen[to] = 1
      parentEdge[to] = k
      queue.push(to)
    }
  }
  return parentEdge
}

/** The printed diff: the largest groups of new objects, and how the largest of each is held. */
export function heapDiff(beforeFile: string, afterFile: string, tabs: number, top = 12): string {
  const before = new Set(load(beforeFile).ids)
  const s = load(afterFile)
  const fresh = new Uint8Array(s.ids.length)
  for (let i = 0; i < s.ids.length; i++) fresh[i] = before.has(s.ids[i]!) ? 0 : 1
  // Who holds each new object: the source of every strong edge to it, by kind and edge name.
  const owner = new Int32Array(s.edgeTo.length)
  for (let i = 0; i < s.ids.length; i++) {
    for (let k = s.firstEdge[i]!; k < s.firstEdge[i + 1]!; k++) owner[k] = i
  }
  const groups = new Map<
    string,
    { size: number; count: number; largest: number; by: Map<string, number> }
  >()
  let added = 0
  for (let i = 0; i < s.ids.length; i++) {
    if (!fresh[i]) continue
    added += s.sizes[i]!
    const key = label(s, i)
    const group = groups.get(key) ?? { size: 0, count: 0, largest: i, by: new Map() }
    group.size += s.sizes[i]!
    group.count++
    if (s.sizes[i]! > s.sizes[group.largest]!) group.largest = i
    groups.set(key, group)
  }
  for (let k = 0; k < s.edgeTo.length; k++) {
    const to = s.edgeTo[k]!
    if (!fresh[to] || !strong(s.edgeKind[k]!)) continue
    const group = groups.get(label(s, to))!
    const by = `${label(s, owner[k]!)} .${s.edgeName[k]}`
    group.by.set(by, (group.by.get(by) ?? 0) + 1)
  }
  const parentEdge = parents(s)
  // Repeated steps (a chain of maps, a linked list) are written once, with their count.
  const pathTo = (node: number) => {
    const steps: { step: string; times: number }[] = []
    for (let at = node; parentEdge[at]! >= 0; at = owner[parentEdge[at]!]!) {
      const step = `${label(s, owner[parentEdge[at]!]!)} .${s.edgeName[parentEdge[at]!]}`
      const last = steps[steps.length - 1]
      if (last?.step === step) last.times++
      else steps.push({ step, times: 1 })
    }
    const text = steps.map(({ step, times }) => (times > 1 ? `${step} (×${int(times)})` : step))
    return text.slice(0, 14).join(' ← ')
  }
  const sorted = [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)
  const rows = sorted.map(([key, group]) => {
    const holders = [...group.by].sort((a, b) => b[1] - a[1]).slice(0, 2)
    return [
      key,
      int(group.count),
      `${int(group.size)} B`,
      `${int(group.size / tabs)} B`,
      holders.map(([by, n]) => `${by} ×${int(n)}`).join('; '),
    ]
  })
  const out = [
    `${int(added)} B in new objects, ${int(added / tabs)} B per tab (${int(tabs)} tabs)`,
    table(['object', 'count', 'bytes', 'per tab', 'held by (most common)'], rows),
    '',
    'The largest object of each of the first groups, held by (shortest path from the GC roots):',
  ]
  for (const [key, group] of sorted.slice(0, 4)) out.push(`- ${key}: ${pathTo(group.largest)}`)
  return out.join('\n')
}
