// Shared playwright-core launcher for the browser tests and screenshots (Debian chromium, headless).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

/** A fresh context (own cookies) with Chinese locale and downloads enabled. */
export async function newContext(browser, baseURL) {
  return browser.newContext({ baseURL, locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1440, height: 900 } });
}
