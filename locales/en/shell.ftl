## The frame around every page: header, language switcher, progress

# Shown in the browser tab after the page's own title.
shell-document-title = { -brand-name }
# The browser tab of a page: the page's own title, then the product.
# Variables:
#   $page (String) - the title of the page, such as "Security info"
shell-page-title = { $page } – { -brand-name }
shell-skip-to-content = Skip to main content
shell-language-label = Language
shell-sign-out = Sign out
shell-loading = Loading…

## Not found

not-found-title = Page not found
not-found-body = The page you're looking for doesn't exist or has moved.
not-found-link = Go to Security info
# Variables:
#   $language (String) - the language's own name, e.g. "Svenska"
shell-language-shown = This page is shown in: { $language }.
# Variables:
#   $language (String) - the language's own name, e.g. "Svenska"
shell-language-keep = Keep { $language } as my language

## Header and navigation of a signed-in person

# The account button in the header: its visible text is the person's
# initials and name; this is what a screen reader says.
# Variables:
#   $name (String) - the person's display name, for example "Adele Vance"
shell-account-menu = { $name }, account menu
# Opens the navigation on a narrow screen.
shell-menu = Menu
# The name of the navigation landmark.
shell-navigation = Main
# In the header while a sign-in waits for its second step, instead of the
# account menu: who is signing in.
# Variables:
#   $account (String) - the account being signed in, for example "adele.vance@contoso.example"
shell-signing-in-as = Signing in as { $account }
# Beside it: ends the waiting sign-in and returns to the sign-in page.
shell-cancel-sign-in = Cancel
