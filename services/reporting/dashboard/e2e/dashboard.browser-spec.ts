import type { Page } from '@playwright/test';
import type { DealersReport, DealsPage, OutcomesReport, PipelineReport } from '../web/reports';
import { baseUrl, expect, test } from './dashboard.fixture';

const year = new Date().getUTCFullYear();
const period = `from=${year}-01-01&to=${year + 1}-01-01`;
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The pipeline panel shows the report's total and each stage's count, as the API gives them to the same user. */
async function expectPipeline(page: Page, report: PipelineReport): Promise<void> {
  await expect(page.locator('#pipeline [data-figure="open-deals"]')).toHaveText(whole.format(report.deals));
  for (const stage of report.stages) {
    await expect(page.locator(`#pipeline [data-stage="${stage.pipelineId}/${stage.stageId}"]`)).toHaveText(
      whole.format(stage.count),
    );
  }
  await expect(page.locator('#pipeline tbody tr')).toHaveCount(report.stages.length);
}

async function expectOutcomes(page: Page, report: OutcomesReport): Promise<void> {
  await expect(page.locator('#outcomes [data-figure="won"]')).toHaveText(whole.format(report.won));
  await expect(page.locator('#outcomes [data-figure="lost"]')).toHaveText(whole.format(report.lost));
}

const viewPanels = (page: Page) =>
  page.locator('.panels > .panel').evaluateAll((panels) => panels.map((panel) => panel.id));

test('the director picks a division and sees its figures as the reports give them', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('director-1');
  await expect(page.locator('.panels')).toHaveAttribute('data-view', 'director');
  expect(await viewPanels(page)).toEqual([
    'pipeline',
    'outcomes',
    'funnel',
    'stages',
    'key-customers',
    'lead-sources',
    'channels',
    'dealers',
  ]);
  await page.getByLabel('Division').selectOption('medical');
  await expect(page.locator('.top-bar .who')).toContainText('Medical');
  await dashboard.settled();
  await expect(page.locator('.panel[data-state="error"]')).toHaveCount(0);
  await expectPipeline(page, await reports.get<PipelineReport>('director-1', '/reports/pipeline', 'medical'));
  await expectOutcomes(page, await reports.get<OutcomesReport>('director-1', `/reports/outcomes?${period}`, 'medical'));
  const { dealers } = await reports.get<DealersReport>('director-1', `/reports/dealers?${period}`, 'medical');
  await expect(page.locator('#dealers [data-dealer]')).toHaveCount(dealers.length);
  await dashboard.expectAccessible();
  await dashboard.screenshot('director');
});

test('a stage of the pipeline, opened with the keyboard, lands on the deals in it', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('director-1');
  const { stages } = await reports.get<PipelineReport>('director-1', '/reports/pipeline', 'machines');
  const busiest = [...stages].sort((a, b) => b.count - a.count)[0];
  if (busiest === undefined) throw new Error('The demo company has no open deal in machines');
  const link = page.locator(`#pipeline a[data-stage="${busiest.pipelineId}/${busiest.stageId}"]`);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toContainText('Open deals in');
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('main')).toHaveAttribute('data-state', 'ready');
  const expected = await reports.get<DealsPage>(
    'director-1',
    `/reports/deals?status=open&pipelineId=${busiest.pipelineId}&stageId=${busiest.stageId}&pageSize=25`,
    'machines',
  );
  expect(expected.total).toBe(busiest.count);
  await expect(page.locator('main .status')).toContainText(`${whole.format(busiest.count)} deals`);
  const shown = await page
    .locator('tbody tr[data-deal]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deal')));
  expect(shown).toEqual(expected.items.map((deal) => deal.opportunityId));
  await dashboard.expectAccessible();
  await dashboard.screenshot('drill-down');
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page.locator('.panels')).toBeVisible();
});

test('a month of the outcomes lands on the deals won in it', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('director-1');
  const link = page
    .locator('#outcomes tbody tr')
    .filter({ has: page.locator('td a') })
    .last()
    .locator('td a')
    .first();
  const won = Number((await link.textContent())?.replace(/,/g, ''));
  await link.click();
  await expect(page.locator('h1')).toContainText('Deals won in');
  await expect(page.locator('main')).toHaveAttribute('data-state', 'ready');
  const params = new URLSearchParams(page.url().split('?')[1]);
  const from = params.get('deal.from');
  const to = params.get('deal.to');
  const expected = await reports.get<DealsPage>(
    'director-1',
    `/reports/deals?status=won&from=${from}&to=${to}&pageSize=25`,
    'machines',
  );
  expect(expected.total).toBe(won);
  const outcomes = await reports.get<OutcomesReport>(
    'director-1',
    `/reports/outcomes?from=${from}&to=${to}`,
    'machines',
  );
  expect(outcomes.won).toBe(won);
  const shown = await page
    .locator('tbody tr[data-deal]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deal')));
  expect(shown).toEqual(expected.items.map((deal) => deal.opportunityId));
});

test('the as-of day shows the pipeline as it stood then', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('director-1');
  const now = await reports.get<PipelineReport>('director-1', '/reports/pipeline', 'machines');
  await expectPipeline(page, now);
  const past = new Date(Date.now() - 150 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const endOfDay = new Date(`${past}T00:00:00Z`);
  endOfDay.setUTCDate(endOfDay.getUTCDate() + 1);
  const then = await reports.get<PipelineReport>(
    'director-1',
    `/reports/pipeline?asOf=${encodeURIComponent(endOfDay.toISOString())}`,
    'machines',
  );
  expect(JSON.stringify(then.stages)).not.toEqual(JSON.stringify(now.stages));
  await page.getByLabel('Pipeline as of the end of').fill(past);
  await expect(page.locator('#pipeline h2')).toHaveText(`Pipeline by stage at the end of ${past} (UTC)`);
  await dashboard.settled();
  await expectPipeline(page, then);
  await dashboard.screenshot('director-as-of');
  await page.getByRole('button', { name: 'Show the pipeline now' }).click();
  await expect(page.locator('#pipeline h2')).toHaveText('Pipeline by stage, now');
  await dashboard.settled();
  await expectPipeline(page, now);
});

test('the team lead sees their team, and no channel figures', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('lead-machines-field');
  await expect(page.locator('.panels')).toHaveAttribute('data-view', 'team');
  await expect(page.getByLabel('Division')).toHaveCount(0);
  expect(await viewPanels(page)).toEqual(['pipeline', 'outcomes', 'funnel', 'stages', 'key-customers', 'open-deals']);
  await expect(page.locator('.panel[data-state="error"]')).toHaveCount(0);
  await expectPipeline(page, await reports.get<PipelineReport>('lead-machines-field', '/reports/pipeline'));
  await expectOutcomes(page, await reports.get<OutcomesReport>('lead-machines-field', `/reports/outcomes?${period}`));
  await dashboard.expectAccessible();
  await dashboard.screenshot('team-lead');
});

test('the rep sees their own deals', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await dashboard.signIn('rep-machines-01');
  await expect(page.locator('.panels')).toHaveAttribute('data-view', 'rep');
  await expect(page.locator('.panel[data-state="error"]')).toHaveCount(0);
  await expectPipeline(page, await reports.get<PipelineReport>('rep-machines-01', '/reports/pipeline'));
  await expectOutcomes(page, await reports.get<OutcomesReport>('rep-machines-01', `/reports/outcomes?${period}`));
  const open = await reports.get<DealsPage>('rep-machines-01', '/reports/deals?status=open&pageSize=10');
  const shown = await page
    .locator('#open-deals tbody tr[data-deal]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deal')));
  expect(shown).toEqual(open.items.map((deal) => deal.opportunityId));
  await dashboard.expectAccessible();
  await dashboard.screenshot('rep');
});

test("the dealer sees their own dealer's figures and cannot reach another dealer's deals", async ({
  dashboard,
  reports,
}) => {
  const { page } = dashboard;
  await dashboard.signIn('dealer-1-user');
  await expect(page.locator('.panels')).toHaveAttribute('data-view', 'dealer');
  await expect(page.locator('.panel[data-state="error"]')).toHaveCount(0);
  const { dealers } = await reports.get<DealersReport>('dealer-1-user', `/reports/dealers?${period}`);
  expect(dealers.map((dealer) => dealer.dealerId)).toEqual(['dealer-1']);
  const own = dealers[0];
  if (own === undefined) throw new Error('dealer-1 has no figures');
  await expect(page.locator('#dealers [data-dealer]')).toHaveCount(1);
  await expect(page.locator('#dealers [data-figure="revenue-won"]')).toHaveText(
    Object.entries(own.revenueWon)
      .map(([currency, value]) => `${currency} ${whole.format(value)}`)
      .join(' + '),
  );
  await expect(page.locator('#dealers [data-figure="registrations"]')).toHaveText(
    whole.format(own.registrations.submitted),
  );
  await expectPipeline(page, await reports.get<PipelineReport>('dealer-1-user', '/reports/pipeline'));
  await dashboard.expectAccessible();
  await dashboard.screenshot('dealer');

  // Another dealer's deals, by address: the API refuses them as not found, and the page says so and shows none.
  const refused = await reports.answer('dealer-1-user', `/reports/dealers/dealer-2/deals?${period}`);
  expect(refused.status).toBe(404);
  dashboard.allowConsoleError(/status of 404.*\/reports\/dealers\/dealer-2\/deals/);
  await page.goto(`${baseUrl()}/#/dealers/dealer-2/deals`);
  await expect(page.locator('#dealer-deals')).toHaveAttribute('data-state', 'error');
  await expect(page.locator('#dealer-deals .status')).toContainText('Not found, or not yours to see');
  await expect(page.locator('[data-deal]')).toHaveCount(0);
});

test('sign-in offers the demo users and takes a pasted token', async ({ dashboard, reports }) => {
  const { page } = dashboard;
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole('button', { name: 'director-1', exact: true })).toBeVisible();
  await page.getByLabel('Bearer token').fill('not a token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('main > .status')).toHaveText('This is not a bearer token (a JWT has three parts).');
  await dashboard.expectAccessible();
  await dashboard.screenshot('sign-in');
  await page.getByLabel('Bearer token').fill(await reports.token('rep-machines-01'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('.panels')).toHaveAttribute('data-view', 'rep');
  await dashboard.settled();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the SalesOS dashboard' })).toBeVisible();
});
