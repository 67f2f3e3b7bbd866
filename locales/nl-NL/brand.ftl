# Brand names are terms: translators never change them, messages only refer to them.

-brand-name = secinfo
