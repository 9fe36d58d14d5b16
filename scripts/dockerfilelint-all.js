#!/usr/bin/env node
// `make bench` only: lints every Dockerfile named on the command line with the dockerfilelint npm
// package in ONE Node process (one start-up, like `shipshape check` over the same files), and
// prints every file's findings as one JSON document, so the comparison includes reading, linting
// and writing a report. The package comes from build/peers (scripts/bench installs it there); it
// is never a dependency of shipshape.
//   node scripts/dockerfilelint-all.js PEERS_DIR FILE...
'use strict';
const fs = require('fs');
const path = require('path');

const [peers, ...files] = process.argv.slice(2);
if (!peers || files.length === 0) {
  console.error('usage: dockerfilelint-all.js PEERS_DIR FILE...');
  process.exit(2);
}
const dockerfilelint = require(path.resolve(peers, 'node_modules', 'dockerfilelint'));

const results = [];
let issues = 0;
let crashed = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  // The directory is where dockerfilelint looks for a .dockerfilelintrc, as its CLI does.
  // dockerfilelint throws on some real files (a HEALTHCHECK it cannot split, ...): its CLI would
  // stop there; the driver records the file and goes on, so every file is attempted.
  try {
    const found = dockerfilelint.run(path.dirname(path.resolve(file)), text);
    issues += found.length;
    results.push({ file, issues: found });
  } catch (e) {
    ++crashed;
    results.push({ file, error: String(e && e.message) });
  }
}
process.stdout.write(JSON.stringify({ files: results, totalIssues: issues, crashed }) + '\n');
if (crashed > 0) console.error(`dockerfilelint threw on ${crashed} of ${files.length} files`);
process.exitCode = issues > 0 ? 1 : 0;
