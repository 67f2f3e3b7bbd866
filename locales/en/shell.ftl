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
