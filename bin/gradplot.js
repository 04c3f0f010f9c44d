#!/usr/bin/env node
require('../dist/cli/gradplot.cjs');
