import { useBrowser, pageErrors } from './support/fixture';

const b = useBrowser();

describe('a reader finds their way through the chapters', () => {
  it('goes from the home page to a chapter, then to another through the sidebar', async () => {
    const page = await b.open('/');
    await page.getByRole('link', { name: 'Start reading' }).click();
    await page.waitForURL(/\/chapters\/containers-and-images$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Containers and images');

    const sidebar = page.getByRole('navigation', { name: 'Chapters', exact: true });
    await expect(sidebar.getByRole('link', { name: 'Containers and images' }).getAttribute('aria-current')).resolves.toBe('page');
    await sidebar.getByRole('link', { name: 'Linux namespaces and cgroups' }).click();
    await page.waitForURL(/\/chapters\/namespaces$/);
    await expect(sidebar.getByRole('link', { name: 'Linux namespaces and cgroups' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(sidebar.getByRole('link', { name: 'Containers and images' }).getAttribute('aria-current')).resolves.toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });

  it('serves chapters at clean URLs', async () => {
    const response = await fetch(`${b.baseUrl}/chapters/namespaces`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Linux namespaces and cgroups');
  });

  it('jumps to a section from "On this page" and marks it as the current one', async () => {
    const page = await b.open('/chapters/namespaces');
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    const target = links.nth(2);
    const href = (await target.getAttribute('href'))!;
    await target.click();
    await page.waitForFunction((h) => location.hash === h, href);
    const heading = page.locator(href);
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeLessThan(300);
    await expect.poll(() => target.getAttribute('aria-current')).toBe('location');
  });

  it('moves between chapters with previous and next', async () => {
    const page = await b.open('/chapters/containers-and-images');
    await page.getByRole('link', { name: /^Next/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/containers-and-images'));
    const second = new URL(page.url()).pathname;
    await page.getByRole('link', { name: /^Previous/ }).click();
    await page.waitForURL(/\/chapters\/containers-and-images$/);
    expect(second).toMatch(/^\/chapters\/[a-z-]+$/);
  });

  it('links each heading to its own anchor', async () => {
    const page = await b.open('/chapters/namespaces');
    const firstH2 = page.locator('.prose h2').first();
    const id = await firstH2.getAttribute('id');
    await expect(firstH2.getByRole('link').getAttribute('href')).resolves.toBe(`#${id}`);
  });
});
