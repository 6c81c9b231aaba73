/**
 * What search engines read before the app runs: robots.txt (served by the local web server, local/webApp.ts, and
 * deployed to the cloud site, infra/web.ts) and the app shell's default description (web/build.ts). Each public page
 * sets its own title and description once it has rendered (web/src/components/ui.tsx, PageTitle).
 */

/**
 * The public pages (the start page, the meters, a meter's page, the accessibility statement) and the public API's
 * open data may be indexed; the signed-in office pages and the rest of the API say nothing to a crawler.
 */
export const robotsTxt = `User-agent: *
Allow: /
Allow: /api/public/
Disallow: /api/
Disallow: /cycles/
Disallow: /admin
Disallow: /signin
`;

export const defaultDescription =
  'Årshjul: Stockholms stads mål, strategimätare och uppföljning – fullmäktiges mål, nämndernas utfall och trender, med öppna data.';
