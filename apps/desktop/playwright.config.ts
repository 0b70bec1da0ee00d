import { defineConfig } from '@playwright/test';
import { chromiumLaunch, testServer } from './e2e/support/test-server';

const server = testServer(3917, 'PARLEY_E2E_DATA_DIR');

// Two people in two browser contexts against the real server and the built web client.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: server.baseURL,
    launchOptions: chromiumLaunch,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    trace: 'retain-on-failure',
  },
  webServer: server.webServer,
});
