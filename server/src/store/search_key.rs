//! The key a person is found by (the People page's search): their name and
//! account folded as what is typed is folded.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, accents dropped ("Ångström" → "angstrom"), white space one
/// space: what is stored and what is looked for are folded alike.
pub fn fold(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a person is found by.
pub(super) fn search_key(display_name: &str, account_name: &str) -> String {
    fold(&format!("{display_name} {account_name}"))
}

/// The fewest characters of a first word typed that the words index is
/// asked for; a shorter beginning reads the people in order instead,
/// where one so short is soon found a page's worth of times.
pub(super) const INDEXED_CHARS: usize = 3;

/// The words a folded key is found by: its runs of letters and digits,
/// each once.
pub(super) fn words(key: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for word in key.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() && !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

/// A word as the index files it: upper-case hexadecimal of its UTF-8,
/// which every collation sorts as its bytes.
pub(super) fn filed(word: &str) -> String {
    word.bytes().map(|b| format!("{b:02X}")).collect()
}

/// The range of filed words that begin with `word`: from it, up to it
/// with a `G` after (past every hex digit, in every collation).
pub(super) fn beginning_with(word: &str) -> (String, String) {
    let low = filed(word);
    let high = format!("{low}G");
    (low, high)
}

/// Files the words of `key` for the person, in place of any before.
pub(super) async fn file_words(
    db: &mut sqlx::AnyConnection,
    organization_id: &models::OrganizationId,
    user_id: &models::PersonId,
    key: &str,
) -> super::StoreResult<()> {
    sqlx::query("DELETE FROM person_words WHERE user_id = $1")
        .bind(user_id.as_str())
        .execute(&mut *db)
        .await?;
    add_words(db, organization_id, user_id, key).await
}

/// Files the words of `key` for a person who has none yet: one statement
/// (an import files ten thousand people's).
pub(super) async fn add_words(
    db: &mut sqlx::AnyConnection,
    organization_id: &models::OrganizationId,
    user_id: &models::PersonId,
    key: &str,
) -> super::StoreResult<()> {
    let words = words(key);
    if words.is_empty() {
        return Ok(());
    }
    // Only placeholders are written into the statement, one per word.
    let rows: Vec<String> = (0..words.len())
        .map(|n| format!("($1, $2, ${})", n + 3))
        .collect();
    let sql = format!(
        "INSERT INTO person_words (organization_id, user_id, word) VALUES {}",
        rows.join(", ")
    );
    let mut insert = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(organization_id.as_str())
        .bind(user_id.as_str());
    for word in words {
        insert = insert.bind(filed(word));
    }
    insert.execute(&mut *db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_s_words_are_its_runs_of_letters_and_digits_each_once() {
        let key = search_key("Zoë Dubois-Lefèvre", "zoe.dubois@contoso.example");
        assert_eq!(
            words(&key),
            vec!["zoe", "dubois", "lefevre", "contoso", "example"]
        );
    }

    #[test]
    fn a_word_is_filed_as_hex_and_its_beginnings_are_one_range() {
        assert_eq!(filed("zoe"), "7A6F65");
        assert_eq!(filed("øre"), "C3B87265");
        let (low, high) = beginning_with("lef");
        for word in ["lef", "lefevre", "lef9", "lefzzz"] {
            let filed = filed(word);
            assert!(low <= filed && filed < high, "{word}");
        }
        for word in ["le", "leg", "lee", "lf"] {
            let filed = filed(word);
            assert!(!(low <= filed && filed < high), "{word}");
        }
    }
}
