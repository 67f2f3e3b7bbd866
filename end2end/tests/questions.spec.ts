import { expect, test } from '../fixtures';
import { signIn } from '../pages/security-info-flows';

const withQuestions = {
  methods: [
    { kind: 'phone', mfa: true, sspr: true },
    { kind: 'security-questions', mfa: false, sspr: true },
  ],
};

test('security questions are answered, checked at the field, saved and deleted', async ({ page, makeUser, expectAccessible }) => {
  const user = await makeUser({ policy: withQuestions });
  await signIn(page, user);
  await page.getByRole('button', { name: 'Add method' }).click();
  await page.getByLabel('Which method would you like to add?').selectOption({ label: 'Security questions' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
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
