//! Words a native reader stumbled on (the walk in three languages), held
//! where the messages are: what each now says, and the terms of the
//! glossary in `docs/translating.md`.

use models::Locale;
use secinfo_i18n::{Args, Localizer};

#[test]
fn the_walks_words_read_as_a_native_writer_would_write_them() {
    let l10n = Localizer::new();
    // A reset that lapsed "has gone out" in Swedish, not "ceased".
    let expired = l10n.format(Locale::SvSe, "error-reset-expired", None);
    assert!(expired.contains("har gått ut"), "{expired}");
    // Keeping a language is setting it.
    let mut args = Args::new();
    args.set("language", "Nederlands");
    assert_eq!(
        l10n.format(Locale::NlNl, "shell-language-keep", Some(&args)),
        "Nederlands instellen als mijn taal"
    );
    // The saved policy applies from now on, said plainly in each language.
    for locale in [Locale::En, Locale::NlNl, Locale::SvSe] {
        let saved = l10n.format(locale, "policy-saved", None);
        assert!(
            !saved.contains("next step")
                && !saved.contains("volgende stap")
                && !saved.contains("nästa steg"),
            "{saved}"
        );
    }
    // The method's name as Microsoft's current Dutch and Swedish pages write it.
    for locale in [Locale::NlNl, Locale::SvSe] {
        assert_eq!(
            l10n.format(locale, "method-kind-authenticator-app", None),
            "Authenticator-app"
        );
    }
}
