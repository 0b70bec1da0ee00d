import { defineConfig } from '@playwright/test';
import { chromiumLaunch, testServer } from '../e2e/support/test-server';

const server = testServer(3927, 'PARLEY_BENCH_DATA_DIR');

// The renderer's figures, measured in Debian Chromium against the real server.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  outputDir: '../test-results/bench',
  workers: 1,
  retries: 0,
  timeout: 900_000,
  reporter: [['list']],
  use: {
    baseURL: server.baseURL,
    launchOptions: chromiumLaunch,
    viewport: { width: 1280, height: 800 },
  },
  webServer: server.webServer,
});
