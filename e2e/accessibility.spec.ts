import { expect, logIn, test } from './fixtures.ts';
import { seriousViolations } from './support/accessibility.ts';
import { EVERY_PAGE } from './support/every-page.ts';

declare const document: {
  getAnimations(): Array<{ playState: string; effect: { getTiming(): { iterations?: number } } | null }>;
  documentElement: { scrollWidth: number; clientWidth: number };
};

/**
 * axe on every page of the app, in the light and the dark theme: no serious or critical violation of WCAG 2.1 A/AA.
 * Nor does any page scroll sideways: what is wider than the window (a grid's columns) scrolls inside its own box.
 */

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the login page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`every page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await logIn(page);
      const found: Record<string, string[]> = {};
      for (const path of EVERY_PAGE) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Let the page's data arrive (skeletons and spinners give way to content).
        await expect(page.locator('.MuiSkeleton-root, [role="progressbar"][aria-label^="Loading"]')).toHaveCount(0, { timeout: 15_000 });
        // …and transitions end: a half-faded element has no colour contrast worth measuring.
        await page.waitForFunction(() =>
          document.getAnimations().every((animation) => animation.effect?.getTiming().iterations === Infinity || animation.playState !== 'running'),
        );
        const violations = await seriousViolations(page);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (sideways > 0) violations.push(`the page scrolls sideways by ${sideways}px`);
        if (violations.length > 0) found[path] = violations;
      }
      expect(found).toEqual({});
    });
  });
}
