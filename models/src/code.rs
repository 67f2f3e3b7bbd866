//! A six-digit code as people type it, read the same on both sides: the
//! browser refuses what cannot be a code before it is sent (and spends no
//! try), the server before it is checked.

/// What a person typed, as a code: digits only, spaces and dashes
/// tolerated; the whole origin-bound line of a text is taken too.
pub fn normalize_code(typed: &str) -> Option<String> {
    // A pasted origin-bound line ("@secinfo.contoso.example #123456").
    let typed = typed.rsplit_once('#').map_or(typed, |(_, code)| code);
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}
