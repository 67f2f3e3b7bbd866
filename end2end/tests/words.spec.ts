import { expect, test } from '../fixtures';
import { openWizard, signIn } from '../pages/security-info-flows';

const RATES = 'Message and data rates may apply.';

test('"Message and data rates may apply" is said for texts only', async ({ page, user }) => {
  await signIn(page, user);
  const wizard = await openWizard(page, 'phone');
  await expect(wizard.getByText(RATES)).toBeVisible();
  await wizard.getByLabel('Call me').check();
  await expect(wizard.getByText(RATES)).toHaveCount(0);
  await wizard.getByRole('button', { name: 'Cancel' }).click();

  const office = await openWizard(page, 'officePhone');
  await expect(office.getByText('Include the area code.', { exact: false })).toBeVisible();
  await expect(office.getByText(RATES)).toHaveCount(0);
});

for (const [locale, example] of [['nl-NL', '020 123 4567 x123'], ['sv-SE', '08-123 456 78 x123']] as const) {
  test.describe(locale, () => {
    test.use({ locale });
    test(`the office phone's example is a local number in ${locale}`, async ({ page, makeUser }) => {
      const user = await makeUser({ locale });
      await signIn(page, user, locale);
      const office = await openWizard(page, 'officePhone', locale);
      await expect(office.getByText(example, { exact: false })).toBeVisible();
      await expect(office.getByText('+1 4255551234', { exact: false })).toHaveCount(0);
    });
  });
}
