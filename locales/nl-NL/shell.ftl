## The frame around every page: header, language switcher, progress

shell-document-title = { -brand-name }
# The browser tab of a page: the page's own title, then the product.
# Variables:
#   $page (String) - the title of the page, such as "Security info"
shell-page-title = { $page } – { -brand-name }
shell-skip-to-content = Naar de hoofdinhoud
shell-language-label = Taal
shell-sign-out = Afmelden
shell-loading = Bezig met laden…

## Not found

not-found-title = Pagina niet gevonden
not-found-body = De pagina die u zoekt, bestaat niet of is verplaatst.
not-found-link = Naar Beveiligingsgegevens
shell-language-shown = Deze pagina wordt getoond in: { $language }.
shell-language-keep = { $language } instellen als mijn taal

## Header and navigation of a signed-in person

shell-account-menu = { $name }, accountmenu
shell-menu = Menu
shell-navigation = Hoofdmenu
shell-signing-in-as = Aanmelden als { $account }
shell-cancel-sign-in = Annuleren
