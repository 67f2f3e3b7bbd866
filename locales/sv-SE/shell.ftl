## The frame around every page: header, language switcher, progress

shell-document-title = { -brand-name }
# The browser tab of a page: the page's own title, then the product.
# Variables:
#   $page (String) - the title of the page, such as "Security info"
shell-page-title = { $page } – { -brand-name }
shell-skip-to-content = Hoppa till huvudinnehållet
shell-language-label = Språk
shell-sign-out = Logga ut
shell-loading = Läser in…

## Not found

not-found-title = Sidan hittades inte
not-found-body = Sidan du letar efter finns inte eller har flyttats.
not-found-link = Gå till Säkerhetsinformation
shell-language-shown = Den här sidan visas på: { $language }.
shell-language-keep = Behåll { $language } som mitt språk

## Header and navigation of a signed-in person

shell-account-menu = { $name }, kontomeny
shell-menu = Meny
shell-navigation = Huvudmeny
shell-signing-in-as = Loggar in som { $account }
shell-cancel-sign-in = Avbryt
