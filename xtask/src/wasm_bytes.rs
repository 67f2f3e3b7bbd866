//! Where the client's bytes go: twiggy's item sizes of the wasm as rustc
//! left it (names kept, before wasm-bindgen and wasm-opt), added up by the
//! crate each item comes from. The shares, not the totals, are the point:
//! the shipped wasm is that code after bindgen and `-Oz`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Result;
use crate::run::output;

/// Prints the crates that take the most bytes, and the data section.
pub fn print_by_crate(twiggy: &Path, wasm: &Path) -> Result {
    let csv = output(
        &twiggy.to_string_lossy(),
        &[
            "top",
            "-n",
            "1000000",
            "--format",
            "csv",
            &wasm.to_string_lossy(),
        ],
    )
    .ok_or("twiggy failed")?;
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let fields = csv_fields(line);
        let (Some(name), Some(bytes)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        let Ok(bytes) = bytes.parse::<u64>() else {
            continue;
        };
        // Names and bindgen's descriptions are not shipped.
        if name.starts_with("\"function names\"") || name.starts_with("custom section") {
            continue;
        }
        *by_crate.entry(crate_of(name)).or_default() += bytes;
    }
    let total: u64 = by_crate.values().sum();
    let mut ranked: Vec<(String, u64)> = by_crate.into_iter().collect();
    ranked.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    println!(
        "{:<32} {:>10} {:>7}",
        "crate (twiggy, before bindgen)", "bytes", "share"
    );
    for (name, bytes) in ranked.iter().take(15) {
        println!(
            "{name:<32} {bytes:>10} {:>6.1} %",
            100.0 * *bytes as f64 / total as f64
        );
    }
    println!("{:<32} {total:>10}", "total");
    Ok(())
}

/// The crate an item belongs to: `<T as tachys::…>` counts for the trait's
/// crate, `core[hash]::fmt::…` for core; data segments and the rest apart.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") {
        return "(data segments)".to_owned();
    }
    let path = match name.strip_prefix('<') {
        Some(rest) => rest
            .split_once(" as ")
            .map_or(rest, |(_, trait_path)| trait_path)
            .trim_start_matches(['&', ' '])
            .trim_start_matches("mut "),
        None => name,
    };
    let first = path.split("::").next().unwrap_or_default();
    let first = first.split('[').next().unwrap_or_default();
    if path.contains("::")
        && !first.is_empty()
        && first
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        first.to_owned()
    } else {
        "(other: glue, tables)".to_owned()
    }
}

/// One CSV line's fields (quoted fields may hold commas and `""`).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_count_for_their_crate() {
        assert_eq!(crate_of("tachys::view::build::h1"), "tachys");
        assert_eq!(crate_of("core[c59]::fmt::float::x"), "core");
        assert_eq!(
            crate_of("<T as tachys::view::any_view::IntoAny>::into_any"),
            "tachys"
        );
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer as serde_core::de::Deserializer>::x"),
            "serde_core"
        );
        assert_eq!(crate_of("elem[0]"), "(other: glue, tables)");
        assert_eq!(crate_of("data segment \".rodata\""), "(data segments)");
    }

    #[test]
    fn quoted_fields_keep_their_commas() {
        assert_eq!(
            csv_fields(r#""<A,B> as x::Y",120,1.5"#),
            vec!["<A,B> as x::Y", "120", "1.5"]
        );
        assert_eq!(csv_fields(r#""say ""hi""",1"#), vec![r#"say "hi""#, "1"]);
    }
}
