//! A small CSV reader (RFC 4180 quoting) for codelists and `table_from_file`.

/// The rows of `text`, each a list of fields; quoted fields may hold commas, quotes
/// (doubled) and newlines. Blank lines are skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    parse_with_lines(text).into_iter().map(|(_, r)| r).collect()
}

/// As [`parse`], with the 1-based line on which each row starts.
pub fn parse_with_lines(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                any = true;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                any = true;
            }
            '\r' => {}
            '\n' => {
                if any || !field.is_empty() {
                    row.push(std::mem::take(&mut field));
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                any = false;
                line += 1;
                row_line = line;
            }
            _ => {
                field.push(c);
                any = true;
            }
        }
    }
    if any || !field.is_empty() {
        row.push(field);
        rows.push((row_line, row));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields() {
        let rows = parse("code,term\n123,\"a, \"\"b\"\"\"\n\n456,c\n");
        assert_eq!(
            rows,
            vec![
                vec!["code".to_string(), "term".into()],
                vec!["123".into(), "a, \"b\"".into()],
                vec!["456".into(), "c".into()],
            ]
        );
    }
}
