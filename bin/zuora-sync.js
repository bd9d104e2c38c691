#!/usr/bin/env node
'use strict';
// zuora-sync: runs the bundled command line, dist/zuora-sync.js. In a checkout, the bundle is
// (re)built first through scripts/build-cli.mjs when it is missing or older than its sources.
const { spawnSync } = require('child_process');
const { existsSync, readdirSync, statSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'zuora-sync.js');
const builder = join(root, 'scripts', 'build-cli.mjs');

function newest(path) {
    const stat = statSync(path);
    if (!stat.isDirectory()) {
        return path.endsWith('.ts') || path.endsWith('.json') ? stat.mtimeMs : 0;
    }
    return readdirSync(path)
        .filter((name) => name !== '__tests__')
        .reduce((time, name) => Math.max(time, newest(join(path, name))), 0);
}

const sources = ['src/cli', 'src/bridge', 'package.json'].map((path) => join(root, path));
if (existsSync(builder) && sources.every((path) => existsSync(path))) {
    const built = existsSync(bundle) ? statSync(bundle).mtimeMs : -1;
    if (built < Math.max(...sources.map(newest))) {
        const run = spawnSync(process.execPath, [builder], {
            stdio: ['ignore', 'ignore', 'inherit']
        });
        if (run.status !== 0) {
            process.exit(1);
        }
    }
}
require(bundle).runCli();
