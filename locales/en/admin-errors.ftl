## Error messages that only administrators' and the help desk's pages show (error-<code>),
## kept apart so that the sign-in page does not download them

error-invalid-policy = This policy asks a method for something it can't do, or has a limit out of range.
error-method-counts-for-nothing = An allowed method must count for two-step verification, password reset or both.
error-pass-lifetime-out-of-bounds = This lifetime is outside what your organization's policy allows for a Temporary Access Pass.
error-account-outside-domain = Use an account in your organization's domain.
error-account-exists = Someone already has this account.
error-pass-lifetimes-disordered = A Temporary Access Pass's shortest lifetime can't be longer than its default, nor its default longer than its longest.
error-support-contact-too-long = Keep the help desk contact to 200 characters.
error-has-password = This person has a password already. Remove it first: the invitation then lets them choose a new one.
error-own-account = You can't do this to your own account here: manage it from Security info and Change password, or ask another administrator.
error-display-name-required = Enter the person's name.
error-display-name-too-long = Use at most 100 characters for the name.
error-last-administrator = Your organization needs at least one administrator: make someone else an administrator first.
error-import-empty = This file has no people in it. After the first line, which names the columns, add one line for each person.
error-import-malformed = This isn't a CSV file we can read: check its quotes. Each cell that contains a comma or a line break must be between quotes.
error-import-not-utf8 = This file isn't saved as UTF-8, so letters like é or ö would be lost. In Excel, save it as "CSV UTF-8 (Comma delimited)".
error-import-missing-column = The first line must name the columns, with at least account and display_name.
error-import-unknown-column = The first line names a column we don't know. Use account, display_name, language and email.
error-import-repeated-column = The first line names the same column twice.
error-import-too-many-rows = A file can have at most 10,000 people. Split it into smaller files.
error-import-duplicate-row = This account is also on an earlier line of the file.
error-import-cell-count = This line doesn't have the same number of cells as the first line.
error-import-file-required = Choose a CSV file.
error-application-name-required = Enter the application's name.
error-application-name-too-long = Use at most 80 characters for the application's name.
error-invalid-redirect-uri = Enter up to 10 full addresses beginning with https:// (http:// only for localhost), without a # part.
error-application-is-public = A public application has no secret to replace: it proves itself with PKCE.
