//! Passwords seen in breaches (S30): a sorted list shipped inside the
//! binary (`server/data/`, 411,915 entries), searched in place by binary
//! search — no copy, no index, the same memory whatever is asked — and the
//! shapes people give listed words: a season or month with a year, a
//! keyboard walk, a common word of English, Dutch or Swedish (70,009 of
//! them, in the same form) or their own names decorated with digits and
//! symbols.

/// One password a line, lowercased, sorted by bytes.
static BREACHED: &str = include_str!("../data/breached-passwords.txt");

/// The common words of the languages the product speaks, of four letters
/// or more, in the same form.
static COMMON_WORDS: &str = include_str!("../data/common-words.txt");

/// Whether `candidate` (already lowercased) is on the breached list.
pub fn listed(candidate: &str) -> bool {
    in_sorted(BREACHED, candidate)
}

/// Whether `candidate` is a common word in English, Dutch or Swedish.
pub fn common_word(candidate: &str) -> bool {
    in_sorted(COMMON_WORDS, candidate)
}

/// Whether `candidate` is a line of `list` (sorted by bytes, one entry a
/// line), found by binary search in place.
fn in_sorted(list: &str, candidate: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut low, mut high) = (0, bytes.len());
    // Invariant: every line that starts before `low` sorts below the
    // candidate, every line that starts at or after `high` above it.
    while low < high {
        let middle = low + (high - low) / 2;
        let start = bytes[..middle]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |i| start + i);
        match bytes[start..end].cmp(candidate.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

/// Seasons and months in the three languages the product speaks: with a
/// year they are the most guessed corporate passwords there are.
const SEASONS_AND_MONTHS: &[&str] = &[
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "lente",
    "voorjaar",
    "zomer",
    "herfst",
    "najaar",
    "vinter",
    "sommar",
    "höst",
    "var",
    "vår",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "maart",
    "mei",
    "juni",
    "juli",
    "augustus",
    "oktober",
    "mars",
    "augusti",
];

/// Whether `password` is a breached password, or a listed, seasonal or
/// personal word (`own_words`, lowercased: the organization's and the
/// person's names) dressed up with digits and symbols, or a keyboard walk.
pub fn guessable(password: &str, own_words: &[String]) -> bool {
    let lower = password.to_lowercase();
    let keys = unshifted(&lower);
    if listed(&lower) || listed(&keys) {
        return true;
    }
    // What is left once digits and symbols are taken away.
    let core: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    let decorated = core.chars().count() < lower.chars().count();
    if decorated
        && (SEASONS_AND_MONTHS.contains(&core.as_str())
            || own_words.contains(&core)
            || (core.chars().count() >= 4 && (listed(&core) || common_word(&core))))
    {
        return true;
    }
    keyboard_walk(&keys)
}

/// The keys' own characters for shifted symbols on a US keyboard:
/// `!QAZ@WSX` walks the same keys as `1qaz2wsx`.
fn unshifted(lower: &str) -> String {
    lower
        .chars()
        .map(|c| {
            let shifted = "!@#$%^&*()_+{}|:\"<>?~";
            let plain = "1234567890-=[]\\;',./`";
            shifted
                .chars()
                .position(|s| s == c)
                .and_then(|i| plain.chars().nth(i))
                .unwrap_or(c)
        })
        .collect()
}

const ROWS: [&str; 4] = ["1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"];

/// Where a key sits: row, and column (each row sits half a key further
/// right than the one above, as on a real keyboard).
fn key_position(c: char) -> Option<(i32, i32)> {
    ROWS.iter().zip(0..).find_map(|(keys, row)| {
        keys.chars()
            .zip(0..)
            .find(|(k, _)| *k == c)
            .map(|(_, col): (char, i32)| (row, col * 2 + row))
    })
}

/// Whether most of the password is runs of three or more neighbouring
/// keys (`1qaz2wsx3edc`, `qwerty123`, `zaq12wsx`).
fn keyboard_walk(unshifted: &str) -> bool {
    let keys: Vec<Option<(i32, i32)>> = unshifted.chars().map(key_position).collect();
    let near = |a: Option<(i32, i32)>, b: Option<(i32, i32)>| match (a, b) {
        (Some((r1, c1)), Some((r2, c2))) => (r1 - r2).abs() <= 1 && (c1 - c2).abs() <= 2,
        _ => false,
    };
    let mut in_runs = 0;
    let mut run = 1;
    for i in 1..=keys.len() {
        if i < keys.len() && near(keys[i - 1], keys[i]) {
            run += 1;
        } else {
            if run >= 3 {
                in_runs += run;
            }
            run = 1;
        }
    }
    keys.len() >= 8 && in_runs * 10 >= keys.len() * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s30_the_lists_are_searched_in_place() {
        assert!(BREACHED.lines().count() >= 100_000);
        for list in [BREACHED, COMMON_WORDS] {
            assert!(
                list.lines()
                    .zip(list.lines().skip(1))
                    .all(|(a, b)| a.as_bytes() < b.as_bytes()),
                "sorted and without repeats"
            );
            for first_and_last in [list.lines().next(), list.lines().last()] {
                assert!(in_sorted(list, first_and_last.unwrap_or_default()));
            }
        }
        for listed_one in ["123456", "password", "1qaz2wsx3edc", "trustno1"] {
            assert!(listed(listed_one), "{listed_one}");
        }
        assert!(!listed("quiet-meadow-lantern-81"));
        assert!(!listed(""));
    }

    #[test]
    fn s30_the_probes_passwords_are_guessable() {
        let own = ["contoso".to_owned()];
        for found in [
            "1qaz@WSX3edc",
            "!QAZ2wsx#EDC",
            "Summer2024!!",
            "Spring2025!!",
            "Winter2024!!",
            "Autumn2024!!",
            "Admin@123456",
            "Contoso2024!",
            "Zomer2025!!",
            "Sommar2024!",
            "qwertyuiop12",
        ] {
            assert!(guessable(found, &own), "{found}");
        }
        for local in [
            "Lösenord2026!",
            "Sommarstugan1",
            "Wachtwoord123",
            "Voetbal2024!",
        ] {
            assert!(guessable(local, &[]), "{local}");
        }
        for fine in [
            "Quiet-Meadow-Lantern-81",
            "Lantern-Quarry-Velvet-83",
            "Correct-Horse-42-Battery",
            "Maple syrup on Tuesdays",
        ] {
            assert!(!guessable(fine, &own), "{fine}");
        }
    }
}
