#!/usr/bin/env node
// The docs that ship (README.md and docs/*.md, by package.json `files`) link only to files that
// ship too: on npm, a link to the demo or to a test would lead nowhere. Run by `npm run
// check:package`; the shipped files are what `npm pack --dry-run` lists.
//   node scripts/checkDocLinks.mjs
import { execFileSync } from 'node:child_process'
import { readFileSync, realpathSync } from 'node:fs'
import { posix } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

// Markdown links and images, `[text](target "title")`, reference definitions, `[id]: target`, and
// the `href` and `src` of HTML in the Markdown.
const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm
const HTML = /\b(?:href|src)\s*=\s*"([^"]+)"/g

/** The text with code blocks and code spans blanked, line breaks kept: a link there is an example. */
function withoutCode(text) {
  const blank = (code) => code.replace(/[^\n]/g, ' ')
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`+[^`\n]*`+/g, blank)
}

/** The package-relative file a link points at, or undefined for a URL or an anchor in the page. */
function linkedFile(doc, target) {
  if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('#')) return undefined
  const path = decodeURI(target.replace(/[?#].*$/, ''))
  return posix.normalize(posix.join(posix.dirname(doc), path)).replace(/\/$/, '')
}

/**
 * Every link of the `docs` (`{ path, text }`, paths relative to the package) to a file or folder
 * that is not in `shipped` (the packed files' paths): `{ doc, line, target }`.
 * @param {{ path: string, text: string }[]} docs
 * @param {Iterable<string>} shipped
 */
export function brokenLinks(docs, shipped) {
  const files = new Set(shipped)
  const folders = new Set(
    [...files].flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  )
  const broken = []
  for (const { path, text } of docs) {
    const prose = withoutCode(text)
    for (const pattern of [LINK, DEFINITION, HTML]) {
      for (const match of prose.matchAll(pattern)) {
        const file = linkedFile(path, match[1])
        if (file === undefined || files.has(file) || folders.has(file)) continue
        const line = prose.slice(0, match.index).split('\n').length
        broken.push({ doc: path, line, target: match[1] })
      }
    }
  }
  return broken
}

/** The files `npm pack` would put in the package, relative to it. */
function packedFiles(root) {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return JSON.parse(json.slice(json.indexOf('[')))[0].files.map((file) => file.path)
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href

if (runDirectly) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const shipped = packedFiles(root)
  const docs = shipped
    .filter((file) => file.endsWith('.md'))
    .map((path) => ({ path, text: readFileSync(`${root}/${path}`, 'utf8') }))
  const broken = brokenLinks(docs, shipped)
  for (const { doc, line, target } of broken) {
    console.error(`${doc}:${line}: links to ${target}, which is not in the package`)
  }
  if (broken.length > 0) process.exit(1)
  console.log(`checkDocLinks: ${docs.length} shipped docs link only to shipped files`)
}
