import { readFile } from 'node:fs/promises';

import { expect, test } from '../fixtures';
import { Mailbox } from '../pages/mailbox';
import { signIn } from '../pages/security-info-flows';

// Import people from a CSV file (S44): refused files say why at the field,
// a preview shows what each line will become, only the good lines are
// added, and the report downloads inert in a spreadsheet.

test('an administrator imports a CSV file with a bad line: refusals at the field, a preview, the good lines added and invited, an inert report', async ({ page, makeUser, expectAccessible }) => {
  test.slow();
  const admin = await makeUser({ admin: true, displayName: 'Megan Bowen' });
  await signIn(page, admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Import people' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import people from a file' })).toBeVisible();
  await expectAccessible(page);

  const file = page.getByLabel('CSV file');
  const check = page.getByRole('button', { name: 'Check the file' });
  // No file, a file in another encoding, a file that is not CSV: each
  // refused at the field, which takes the cursor.
  await check.click();
  await expect(file).toBeFocused();
  await expect(file).toHaveAccessibleDescription(/Choose a CSV file\./);
  await file.setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: Buffer.from('account,display_name\nzoe@contoso.example,Zo\xeb\n', 'latin1') });
  await check.click();
  await expect(page.getByText('This file isn\'t saved as UTF-8')).toBeVisible();
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('account,display_name\na@contoso.example,A\nb@contoso.example,"B\n', 'utf8') });
  await check.click();
  await expect(page.getByText('This isn\'t a CSV file we can read: check its quotes. Each cell that contains a comma or a line break must be between quotes. It\'s on line 3.')).toBeVisible();
  await expect(file).toBeFocused();
  await expectAccessible(page);

  const id = Math.random().toString(36).slice(2, 10);
  const zoe = `zoe.${id}@contoso.example`;
  const lars = `lars.${id}@contoso.example`;
  const mallory = `mallory.${id}@contoso.example`;
  const invitedAt = `zoe.${id}@fabrikam.example`;
  const csv = [
    'account;display_name;language;email',
    `${zoe};Zoë Dubois;nl-NL;${invitedAt}`,
    `outside.${id}@fabrikam.example;Outside;;`,
    `${lars};Lars Berg;sv;`,
    `${mallory};"=HYPERLINK(""http://evil.example"",""x"")";;`,
  ].join('\r\n');
  await file.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await check.click();

  const preview = page.getByRole('heading', { level: 2, name: 'What the file will do' });
  await expect(preview).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('3 people can be added. 1 line can\'t be added: its result says why.');
  const lines = page.getByRole('table', { name: 'The lines of the file and what became of them' });
  // The refused line first, with why.
  await expect(lines.getByRole('row').nth(1)).toContainText('3');
  await expect(lines.getByRole('row').nth(1)).toContainText('Use an account in your organization\'s domain.');
  await expect(lines.getByRole('row').filter({ hasText: zoe })).toContainText('Can be added');
  await expectAccessible(page);
  // On a phone in dark mode each line reads as labelled lines.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Add 3 people' }).click();
  const done = page.getByRole('heading', { level: 2, name: 'The import is done' });
  await expect(done).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('3 people were added, 1 of them invited by email. 1 line wasn\'t added: its result says why.');
  await expect(lines.getByRole('row').filter({ hasText: zoe })).toContainText('Added and invited');
  await expect(lines.getByRole('row').filter({ hasText: lars })).toContainText('Added');
  await expectAccessible(page);

  // The report: every line, what became of it, and the formula inert.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the report' }).click();
  const report = await readFile((await (await downloading).path())!, 'utf8');
  expect(report.startsWith('\ufeffLine,Account,Name,Language,Invitation to,Result\r\n')).toBe(true);
  expect(report).toContain(`2,${zoe},Zoë Dubois,nl-NL,${invitedAt},Added and invited\r\n`);
  expect(report).toContain(`4,${lars},Lars Berg,sv-SE,,Added\r\n`);
  expect(report).toContain(`5,${mallory},"'=HYPERLINK(""http://evil.example"",""x"")",,,Added\r\n`);
  expect(report).toContain('Use an account in your organization\'s domain.');

  // Zoë's invitation is in her language; the People page lists them.
  const mail = await new Mailbox(await page.context().newPage(), invitedAt).lastLink('/invitation#');
  expect(mail.body).toContain('Hallo Zoë Dubois');
  await page.getByRole('link', { name: 'Back to People' }).first().click();
  await page.getByLabel('Find by name or account').fill(`lars.${id}`);
  await page.getByLabel('Find by name or account').press('Enter');
  await expect(page.getByRole('row').filter({ hasText: lars })).toContainText('Lars Berg');
});

test('only administrators find the import', async ({ page, makeUser }) => {
  const admin = await makeUser({ admin: true });
  const member = await makeUser({ organizationOf: admin });
  await signIn(page, member);
  await page.goto('/admin/people/import');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Import people from a file' })).toHaveCount(0);
  await expect(page.getByLabel('CSV file')).toHaveCount(0);
});
