import { useBrowser } from './support/fixture';
import { seriousViolations } from './support/axe';

const b = useBrowser();

describe('axe-core finds no serious or critical problems', () => {
  it.each(['/', '/chapters/containers-and-images', '/chapters/namespaces', '/glossary', '/playground'])(
    'on %s in light and dark',
    async (route) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await b.open(route, { colorScheme });
        expect(await seriousViolations(page), `${route} (${colorScheme})`).toEqual([]);
      }
    },
  );

  it('on a chapter at 390px with the menu open', async () => {
    const page = await b.open('/chapters/containers-and-images', { viewport: { width: 390, height: 844 } });
    await page.getByRole('button', { name: 'Open menu' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
