import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { chromiumFlags } from '../../tests/browser/support/browser';

/** Lighthouse performance score (0-100) of one URL with Debian's Chromium, mobile (default) or desktop preset. */
export async function performanceScore(
  url: string,
  preset: 'mobile' | 'desktop' = 'mobile',
): Promise<{ score: number; lcp: number; tbt: number; cls: number }> {
  const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: chromiumFlags });
  try {
    const flags = { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' as const, output: 'json' as const };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    const lhr = result!.lhr;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      lcp: Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
      tbt: Math.round(lhr.audits['total-blocking-time'].numericValue ?? 0),
      cls: Number((lhr.audits['cumulative-layout-shift'].numericValue ?? 0).toFixed(3)),
    };
  } finally {
    chrome.kill();
  }
}
