//! People added from a spreadsheet (S44): a CSV file of accounts, names,
//! languages and invitation addresses, checked row by row before anything
//! is created, and the report of what became of each row.

use serde::{Deserialize, Serialize};

use crate::{ErrorCode, Field, Locale, PersonId};

/// The most rows one file may have: an organization's whole staff at once,
/// and still an answer within seconds.
pub const IMPORT_MAX_ROWS: usize = 10_000;

/// The largest file taken, in bytes as sent (JSON-escaped). 10,000 rows of
/// long names and addresses fit; anything larger is refused before it is
/// read (`payload-too-large`).
pub const IMPORT_MAX_BYTES: usize = 4 * 1024 * 1024;

/// The columns a file may have, by the names its first line gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ImportColumn {
    Account,
    DisplayName,
    Language,
    Email,
}

impl ImportColumn {
    pub const ALL: [ImportColumn; 4] = [
        ImportColumn::Account,
        ImportColumn::DisplayName,
        ImportColumn::Language,
        ImportColumn::Email,
    ];

    /// The header a file names it by; what a download writes.
    pub fn header(self) -> &'static str {
        match self {
            ImportColumn::Account => "account",
            ImportColumn::DisplayName => "display_name",
            ImportColumn::Language => "language",
            ImportColumn::Email => "email",
        }
    }

    /// The column a header names, read loosely as a spreadsheet writes it:
    /// any case, spaces or hyphens for underscores (`Display name`).
    pub fn named(header: &str) -> Option<ImportColumn> {
        let folded: String = header
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        ImportColumn::ALL
            .into_iter()
            .find(|column| column.header() == folded)
    }

    /// Whether a file without it is refused.
    pub fn required(self) -> bool {
        matches!(self, ImportColumn::Account | ImportColumn::DisplayName)
    }

    /// The field its refusals are at, for their message.
    pub fn field(self) -> Field {
        match self {
            ImportColumn::Account => Field::AccountName,
            ImportColumn::DisplayName => Field::DisplayName,
            ImportColumn::Language => Field::Locale,
            ImportColumn::Email => Field::Email,
        }
    }
}

/// What the administrator asks of a file: a look at what it would do, or
/// doing it. The same checks run for both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ImportStep {
    Preview,
    Create,
}

/// `POST /api/admin/people/import`: the file's text (read as UTF-8 by the
/// browser, which refuses any other encoding before sending).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRequest {
    pub file: String,
    pub step: ImportStep,
}

/// What became, or would become, of one row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum ImportOutcome {
    /// Would be created (a preview).
    Ready,
    /// Created; `invited` when an invitation was emailed.
    Created { id: PersonId, invited: bool },
    /// Not created, for this reason, at this column.
    Refused {
        code: ErrorCode,
        column: Option<ImportColumn>,
    },
}

/// One row of the file, as read, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    pub account: String,
    pub display_name: String,
    pub language: Option<Locale>,
    pub email: Option<String>,
    #[serde(flatten)]
    pub outcome: ImportOutcome,
}

/// Every row of a file, in its order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub rows: Vec<ImportRow>,
}

impl ImportReport {
    /// How many rows were created, would be, or were refused.
    pub fn count(&self, of: fn(&ImportOutcome) -> bool) -> usize {
        self.rows.iter().filter(|row| of(&row.outcome)).count()
    }
}

/// A cell of a CSV file made for a spreadsheet, quoted as RFC 4180 says and
/// inert (S44): a cell a spreadsheet would read as a formula (beginning
/// with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a
/// leading `'`, which shows it as the text it is.
pub fn csv_cell(text: &str) -> String {
    let inert = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if inert.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

/// One line of a CSV file: its cells, made inert, and a CRLF.
pub fn csv_line<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut line = cells
        .into_iter()
        .map(csv_cell)
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s44_a_cell_that_a_spreadsheet_would_compute_is_written_as_text() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://evil.example\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""
        );
        assert_eq!(csv_cell("+31 6 1234"), "'+31 6 1234");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("Adele Vance"), "Adele Vance");
        assert_eq!(csv_cell("Vance, Adele"), "\"Vance, Adele\"");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn a_line_ends_in_crlf_and_quotes_what_needs_it() {
        assert_eq!(csv_line(["a", "b;c", "d\"e"]), "a,\"b;c\",\"d\"\"e\"\r\n");
    }

    #[test]
    fn headers_are_read_as_a_spreadsheet_writes_them() {
        assert_eq!(
            ImportColumn::named(" Display Name"),
            Some(ImportColumn::DisplayName)
        );
        assert_eq!(
            ImportColumn::named("display-name"),
            Some(ImportColumn::DisplayName)
        );
        assert_eq!(ImportColumn::named("ACCOUNT"), Some(ImportColumn::Account));
        assert_eq!(ImportColumn::named("phone"), None);
        for column in ImportColumn::ALL {
            assert_eq!(ImportColumn::named(column.header()), Some(column));
        }
    }
}
