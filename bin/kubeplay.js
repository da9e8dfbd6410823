#!/usr/bin/env node
// Runs the TypeScript runner through tsx's loader, so the package works after `npm install`
// without a separate build step (Node ^20.19 or >= 22.12).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/runner/cli.ts');
process.exitCode = main(process.argv.slice(2), process.stdout, process.stderr);
