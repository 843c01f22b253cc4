#!/usr/bin/env node
// Entry point: runs the compiled CLI (build/, made by `npm run build`; shipped in the package).
import { main } from '../build/generator/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
