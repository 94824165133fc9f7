// Reads each RIS file named on the command line with citation-js (an
// independent RIS reader) and prints what it read as one JSON object:
// file name → CSL-JSON items. Run by TestRISReader with node, from the
// repository's root, where npm ci installed node_modules/.
'use strict'
const fs = require('fs')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-ris')

const out = {}
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8')
  out[file] = plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false })
}
process.stdout.write(JSON.stringify(out))
