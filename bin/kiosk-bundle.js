#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx kiosk-bundle …` works without a compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/kiosk-bundle.ts');
process.exitCode = await main(process.argv.slice(2));
