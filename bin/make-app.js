#!/usr/bin/env node
// Entry point: runs the bundled CLI (build/cli/, made by `npm run build`; shipped in the package).
import { main } from '../build/cli/main.js';

// A reader that stops early (`make-app lint --list-rules | head -1`) closes our stdout: that ends
// the run quietly, as for any Unix tool, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2));
