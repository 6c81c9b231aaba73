/**
 * A resident, without signing in, goes from the start page to a meter's page with several years of data: the year
 * page links each meter to its page (and filters them by goal), the meter's page tells where the figures come from
 * and how it is going (status, trend and its method, definition, source, boards, the path up to the goal) and offers
 * them as CSV and JSON. In Swedish and English, with axe; by keyboard. The demo's 2026 has the council's goals; the
 * three years before it (2023–2025) are filed here through the API for Bromma, each approved.
 */
import { describe, expect, it } from 'vitest';
import { area, fileYear, indicator, indicatorId } from './publicYears';
import { checkPage, inBothLanguages, pollPatience, useBrowserStack } from './support';

describe('a resident finds a meter and its data without signing in', () => {
  const env = useBrowserStack(async (t) => {
    for (const year of [2023, 2024, 2025]) await fileYear(t, year);
  });

  it('goes from the start page to the meter, reads its series, status, trend and provenance, and downloads it', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Välkommen till Årshjul' }).waitFor();
    // Every page has its own description; the footer links to the accessibility statement.
    await expect.poll(() => page.locator('meta[name="description"]').getAttribute('content'), pollPatience).toMatch(/strategimätarna, utan att logga in/);
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count()).resolves.toBe(1);
    await checkPage(page, 'public-home-sv');

    await page.getByRole('link', { name: /^Strategimätare \d{4}$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Strategimätare \d{4}$/ }).waitFor();
    await expect.poll(() => page.title(), pollPatience).toMatch(/^Strategimätare \d{4} – Årshjul$/);

    // The filter by goal: the area goal's meters only, and the count is said.
    const filter = page.getByLabel('Visa mätare för mål');
    await filter.selectOption(area.id);
    await expect.poll(() => page.getByRole('article').count(), pollPatience).toBe(area.indicators.length);
    await page.getByText(`Visar ${area.indicators.length} av`).waitFor();
    expect(new URL(page.url()).searchParams.get('goal')).toBe(area.id);
    await checkPage(page, 'public-meters-filtered-sv');

    // By keyboard: from the filter, Tab reaches the first meter's link (its text names the meter), Enter follows it.
    await filter.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe(`Mätaren ${indicator.name} över alla år`);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/public/indicators/${indicatorId}`);
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(indicator.name) });
    await heading.waitFor();
    // The new page's heading has the focus, so that a screen reader announces it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('page-title');

    const table = page.getByRole('table', { name: new RegExp(`${indicator.name} år för år`) });
    await inBothLanguages(
      page,
      'public-indicator',
      async () => {
        // 2023–2025 from this file, 2026 the demo's (its goals, no approved value yet).
        await expect.poll(() => table.getByRole('row').count(), pollPatience).toBe(5);
        await table.getByRole('row', { name: /2023 81 utfall 80/ }).waitFor();
        await table.getByRole('row', { name: /2025 86 utfall/ }).waitFor();
        await page.getByText('Rätt håll sedan 2023').first().waitFor();
        await page.getByText('Målet nått (2025)').waitFor();
        await page.getByText(/minsta kvadratmetoden.*från startåret 2023 till 2025/).waitFor();
        await page.getByText(indicator.source!).waitFor();
        await page.getByText(indicator.definition!).waitFor();
        await page.getByRole('listitem').filter({ hasText: 'Bromma' }).first().waitFor();
        await page.getByText(/Inriktningsmål: D1/).waitFor();
        await expect.poll(() => page.locator('time').getAttribute('datetime'), pollPatience).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        // The chart: an image with a title and a description that names the span and the trend.
        const chart = page.getByRole('img', { name: new RegExp(`${indicator.name}, år för år`) });
        await chart.waitFor();
        expect(await page.locator('svg.series-chart desc').textContent()).toMatch(/4 år, 2023–2026.*Rätt håll sedan 2023/);
        // Each point is marked by its shape (ring, diamond, triangle) and labelled: colour is not needed.
        expect(await page.locator('svg.series-chart circle.marker--outcome').count()).toBeGreaterThanOrEqual(3);
        await expect.poll(() => page.locator('meta[name="description"]').getAttribute('content'), pollPatience).toMatch(new RegExp(`^${indicator.name}:`));
      },
      async () => {
        await page.getByRole('table', { name: new RegExp(`${indicator.name} year by year`) }).waitFor();
        await page.getByText('In the right direction since 2023').first().waitFor();
        await page.getByText('Target reached (2025)').waitFor();
        await page.getByRole('heading', { level: 2, name: 'The path up to the goal' }).waitFor();
        await page.getByRole('link', { name: `Download ${indicator.name} as CSV` }).waitFor();
      },
    );

    // The downloads: the links name the meter, and answer the series.
    const csvLink = page.getByRole('link', { name: `Ladda ned ${indicator.name} som CSV` });
    const jsonLink = page.getByRole('link', { name: `Ladda ned ${indicator.name} som JSON` });
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const rows = (await csv.text()).trim().split(/\r?\n/);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^\uFEFF?indicatorId,name,unit,direction,year/);
    expect(rows[1]).toContain(`${indicatorId},`);
    expect(rows[1]).toContain(',2023,80,81,outcome,met,');
    expect(rows[1]).toContain(',improving,2023,');
    const json = await page.request.get((await jsonLink.getAttribute('href'))!);
    const body = await json.json();
    expect(body).toMatchObject({ indicatorId, source: indicator.source, trend: { verdict: 'improving', since: 2023 }, status: { status: 'reached', year: 2025, basis: 'outcome' } });
    expect(body.series.map((p: { year: number; value: number | null }) => [p.year, p.value])).toEqual([
      [2023, 81],
      [2024, 83.5],
      [2025, 86],
      [2026, null],
    ]);

    // The path up to the goal leads back to the year page, filtered by the area goal.
    await page.getByRole('link', { name: new RegExp(`${area.id} ${area.title}`) }).click();
    await page.getByRole('heading', { level: 1, name: /^Strategimätare \d{4}$/ }).waitFor();
    await expect.poll(() => page.getByLabel('Visa mätare för mål').inputValue(), pollPatience).toBe(area.id);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('publishes the accessibility statement in Swedish and English, from the footer', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await page.goto('/public');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await inBothLanguages(
      page,
      'accessibility',
      async () => {
        await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse för Årshjul' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Kända brister' }).waitFor();
        await page.getByText(/Myndigheten för digital förvaltning \(Digg\)/).waitFor();
        await page.getByRole('link', { name: /^tillganglighet@/ }).waitFor();
      },
      async () => {
        await page.getByRole('heading', { level: 1, name: 'Accessibility statement for Årshjul' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Known gaps' }).waitFor();
        await page.getByRole('link', { name: 'Report a lack of accessibility to Digg' }).waitFor();
      },
    );
    // robots.txt lets the public pages be indexed and keeps the office's out.
    const robots = await page.request.get('/robots.txt');
    expect(robots.headers()['content-type']).toMatch(/text\/plain/);
    expect(await robots.text()).toMatch(/Allow: \/\n[\s\S]*Disallow: \/admin/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
