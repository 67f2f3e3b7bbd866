//! Reading a CSV file as RFC 4180 writes it, and nothing looser (S44): a
//! quote inside an unquoted cell, text after a closing quote or a quote
//! left open is an error at its line, never a guess. A spreadsheet's own
//! habits are taken: a byte-order mark, CRLF or LF, and `;` between cells
//! where the first line has more of them than commas (Excel in Dutch and
//! Swedish writes those).

/// One line of cells (a quoted cell may span lines: `line` is its first).
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    pub cells: Vec<String>,
}

/// Where a file stops being CSV: the line of the cell that broke it.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed {
    pub line: u64,
}

/// The file's records, blank lines left out; at most `most` of them (one
/// more is read, so that the caller can tell a file that has too many).
pub fn records(text: &str, most: usize) -> Result<Vec<Record>, Malformed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = separator(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: u64 = 1;
    while chars.peek().is_some() && records.len() <= most {
        let first_line = line;
        let mut cells = Vec::new();
        loop {
            let mut cell = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                let opened = line;
                loop {
                    match chars.next() {
                        None => return Err(Malformed { line: opened }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            cell.push(c);
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some('\r' | '\n'))
                    && chars.peek() != Some(&separator)
                {
                    return Err(Malformed { line });
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == separator || c == '\r' || c == '\n' {
                        break;
                    }
                    if c == '"' {
                        return Err(Malformed { line });
                    }
                    cell.push(c);
                    chars.next();
                }
            }
            cells.push(cell);
            match chars.next() {
                Some(c) if c == separator => continue,
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                }
                _ => {}
            }
            line += 1;
            break;
        }
        let blank = cells.len() == 1 && cells[0].is_empty();
        if !blank {
            records.push(Record {
                line: first_line,
                cells,
            });
        }
    }
    Ok(records)
}

/// `;` where the first line has more of them than commas, else `,`.
fn separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.chars().filter(|&h| h == c).count();
    if count(';') > count(',') { ';' } else { ',' }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        records(text, 100)
            .unwrap()
            .into_iter()
            .map(|r| r.cells)
            .collect()
    }

    #[test]
    fn reads_quoted_cells_doubled_quotes_and_both_line_ends() {
        let text = "\u{feff}account,display_name\r\na@x,\"Vance, Adele\"\nb@x,\"Say \"\"hi\"\"\"\n";
        assert_eq!(
            cells(text),
            vec![
                vec!["account", "display_name"],
                vec!["a@x", "Vance, Adele"],
                vec!["b@x", "Say \"hi\""],
            ]
        );
    }

    #[test]
    fn a_quoted_cell_spans_lines_and_the_next_record_knows_its_line() {
        let found = records("a,b\n\"one\ntwo\",c\nd,e", 100).unwrap();
        assert_eq!(found[1].cells, vec!["one\ntwo", "c"]);
        assert_eq!(found[1].line, 2);
        assert_eq!(found[2].line, 4);
    }

    #[test]
    fn semicolons_separate_where_the_header_says_so() {
        assert_eq!(
            cells("account;display_name\na@x;Zoë, the second"),
            vec![
                vec!["account", "display_name"],
                vec!["a@x", "Zoë, the second"]
            ]
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_empty_cells_kept() {
        assert_eq!(
            cells("a,b\n\n,\r\n\r\n"),
            vec![vec!["a", "b"], vec!["", ""]]
        );
    }

    #[test]
    fn what_is_not_rfc_4180_is_refused_at_its_line() {
        assert_eq!(records("a,b\nc,d\"e\n", 100), Err(Malformed { line: 2 }));
        assert_eq!(records("a,b\n\"c\"d,e\n", 100), Err(Malformed { line: 2 }));
        assert_eq!(
            records("a,b\nc,d\n\"open,e\nf", 100),
            Err(Malformed { line: 3 })
        );
    }

    #[test]
    fn reads_one_record_past_the_most_and_no_further() {
        let text = "h\n1\n2\n3\n4\n\"";
        assert_eq!(records(text, 2).unwrap().len(), 3);
    }
}
