// What a host page would import from each alternative, bundled as .size-limit.js bundles the
// package's entries (esbuild, ESM, minified, production, gzip): `npm run bench` sets them side by
// side. Run alone: npx size-limit --config bench/size/compared.size-limit.js
import { productionBundle } from '../../.size-limit.js'

const check = (name, path) => ({ name, path, gzip: true, modifyEsbuildConfig: productionBundle })

export default [
  check('penpal (connect, WindowMessenger)', 'compared/penpal.js'),
  check('framebus', 'compared/framebus.js'),
  check('post-robot (on, send)', 'compared/post-robot.js'),
]
