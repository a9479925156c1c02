// npm run which-chrome: the browser the audit and the browser tests use, where it came from, and its
// version (unpacking the Chromium from npm first if that is the one). Exit code 1 when there is none.
import { CHROME_SOURCE_NAMES, chromeVersion, ChromeStartError, resolveChrome } from './lighthouse/chrome.ts';

const chrome = await resolveChrome(process.env, { onUnpack: (path) => console.error(`Unpacking the Chromium that npm ci installed into ${path} (once; about 210 MB)…`) });
if (!chrome.found) {
  console.error(chrome.message);
  process.exit(1);
}
try {
  console.log(`${chromeVersion(chrome.path)}, ${CHROME_SOURCE_NAMES[chrome.source]} (${chrome.path})`);
} catch (error) {
  if (!(error instanceof ChromeStartError)) throw error;
  console.error(error.message);
  process.exit(1);
}
