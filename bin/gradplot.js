#!/usr/bin/env node
import '../dist/cli/gradplot.js';
