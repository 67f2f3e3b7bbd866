import { expect, test } from '../fixtures';
import { signIn, startAdding } from '../pages/security-info-flows';

const withQuestions = {
  methods: [
    { kind: 'phone', mfa: true, sspr: true },
    { kind: 'security-questions', mfa: false, sspr: true },
  ],
};

test('security questions are answered, checked at the field, saved and deleted', async ({ page, makeUser, expectAccessible }) => {
  const user = await makeUser({ policy: withQuestions });
  await signIn(page, user);
  await startAdding(page, 'Security questions');
  const wizard = page.getByRole('dialog', { name: 'Set up security questions' });
  await expect(wizard.getByText('Choose 3 different questions and answer each.', { exact: false })).toBeVisible();
  // Saved empty: every missing question and answer is marked at once, and
  // the cursor goes to the first.
  await wizard.getByRole('button', { name: 'Save' }).click();
  for (const n of [1, 2, 3]) {
    await expect(wizard.getByLabel(`Question ${n}`)).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.getByLabel(`Answer ${n}`)).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(wizard.getByText('Choose a question.')).toHaveCount(3);
  await expect(wizard.getByLabel('Question 1')).toBeFocused();
  await wizard.getByLabel('Question 1').selectOption({ label: 'In what city were you born?' });
  await wizard.getByLabel('Answer 1').fill('Den Haag');
  await wizard.getByLabel('Question 2').selectOption({ label: 'What was the name of your first pet?' });
  await wizard.getByLabel('Answer 2').fill('  den   HAAG ');
  await wizard.getByLabel('Question 3').selectOption({ label: 'What was your first job?' });
  await wizard.getByLabel('Answer 3').fill('Paperboy');
  await expectAccessible(page);
  await wizard.getByRole('button', { name: 'Save' }).click();
  await expect(wizard.getByText('Use a different answer for each question.')).toBeVisible();
  await expect(wizard.getByLabel('Answer 2')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.getByLabel('Answer 1')).toHaveValue('Den Haag');
  await wizard.getByLabel('Answer 2').fill('Minoes');
  await wizard.getByRole('button', { name: 'Save' }).click();
  await expect(wizard.getByText('Your security questions were saved.', { exact: false })).toBeVisible();
  await wizard.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('listitem').filter({ hasText: 'Security questions' });
  await expect(row).toBeVisible();
  // Questions alone never reset a password.
  await expect(page.getByText('Password reset: needs 1 more method')).toBeVisible();
  await expect(row.getByRole('button', { name: /^Change/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete: Security questions' }).click();
  await page.getByRole('dialog', { name: 'Delete method' }).getByRole('button', { name: 'Yes' }).click();
  await expect(row).toHaveCount(0);
});

// Walk issue, item 13: an organization's own question is written per
// language; where it was not, the page says which language it is in.
for (const [locale, shown, marked] of [
  ['nl-NL', 'Wat is de naam van het Contoso-kantoor waar u voor het eerst werkte?', null],
  ['sv-SE', 'What is the name of the Contoso office you first worked at? (på engelska)', 'en'],
] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('the organization\'s own question is shown in the page\'s language, or marked with the one it is written in', async ({ page, makeUser, expectAccessible }) => {
      const user = await makeUser({
        locale,
        policy: {
          ...withQuestions,
          security_questions: {
            custom: [{
              en: 'What is the name of the Contoso office you first worked at?',
              'nl-NL': 'Wat is de naam van het Contoso-kantoor waar u voor het eerst werkte?',
            }],
          },
        },
      });
      await page.goto('/signin');
      await page.getByLabel(locale === 'nl-NL' ? 'Account' : 'Konto', { exact: true }).fill(user.accountName);
      await page.getByLabel(locale === 'nl-NL' ? 'Wachtwoord' : 'Lösenord', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: locale === 'nl-NL' ? 'Aanmelden' : 'Logga in', exact: true }).click();
      await page.getByRole('button', { name: locale === 'nl-NL' ? 'Methode toevoegen' : 'Lägg till metod' }).click();
      await page.getByLabel(locale === 'nl-NL' ? 'Welke methode wilt u toevoegen?' : 'Vilken metod vill du lägga till?')
        .selectOption({ label: locale === 'nl-NL' ? 'Beveiligingsvragen' : 'Säkerhetsfrågor' });
      await page.getByRole('button', { name: locale === 'nl-NL' ? 'Toevoegen' : 'Lägg till', exact: true }).click();
      const option = page.getByRole('dialog').getByRole('option', { name: shown }).first();
      await expect(option).toHaveCount(1);
      if (marked) {
        await expect(option).toHaveAttribute('lang', marked);
      } else {
        await expect(option).not.toHaveAttribute('lang', /.+/);
      }
      await expectAccessible(page);
    });
  });
}
