//! Splitting CSV bytes into records the way Python's `csv.reader` does (default dialect:
//! `,` and `"`, doubled quotes, non-strict), with a fast path for text without quotes.
//!
//! A record ends at `\n`, `\r\n` or a lone `\r` outside quotes; an empty line is a record
//! with no fields; a quote opens quoting only at the start of a field; after a closing
//! quote, further text is kept literally (`"x"y` → `xy`).

/// Field boundaries of one record, as byte ranges into a buffer.
pub type Fields = Vec<(usize, usize)>;

/// Calls `on_record(buffer, fields)` for each record of `data`, a run of whole records with
/// no quote characters. The ranges index `data`.
pub fn records_fast<E>(
    data: &[u8],
    fields: &mut Fields,
    mut on_record: impl FnMut(&[u8], &[(usize, usize)]) -> Result<(), E>,
) -> Result<(), E> {
    let len = data.len();
    let mut pos = 0;
    while pos < len {
        fields.clear();
        let first = data[pos];
        if first == b'\n' || first == b'\r' {
            // An empty line: a record with no fields.
            pos = after_terminator(data, pos);
            on_record(data, fields)?;
            continue;
        }
        let mut start = pos;
        let mut i = pos;
        loop {
            while i < len {
                let b = data[i];
                if b == b',' || b == b'\n' || b == b'\r' {
                    break;
                }
                i += 1;
            }
            fields.push((start, i));
            if i < len && data[i] == b',' {
                i += 1;
                start = i;
                continue;
            }
            break;
        }
        pos = if i < len {
            after_terminator(data, i)
        } else {
            len
        };
        on_record(data, fields)?;
    }
    Ok(())
}

#[inline]
fn after_terminator(data: &[u8], i: usize) -> usize {
    if data[i] == b'\r' && data.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// Calls `on_record(scratch, fields)` for each record of `data` (whole records, any
/// quoting); the ranges index `scratch`, which holds the unescaped field text.
pub fn records_quoted<E>(
    data: &[u8],
    fields: &mut Fields,
    scratch: &mut Vec<u8>,
    mut on_record: impl FnMut(&[u8], &[(usize, usize)]) -> Result<(), E>,
) -> Result<(), E> {
    let mut state = State::StartRecord;
    let mut field_start = 0;
    fields.clear();
    scratch.clear();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let terminator = c == b'\n' || c == b'\r';
        match state {
            State::StartRecord if terminator => {
                i = after_terminator(data, i);
                on_record(scratch, fields)?;
                scratch.clear();
                continue;
            }
            State::StartRecord | State::StartField => {
                if state == State::StartRecord {
                    state = State::StartField;
                }
                if terminator {
                    fields.push((field_start, scratch.len()));
                    i = after_terminator(data, i);
                    on_record(scratch, fields)?;
                    fields.clear();
                    scratch.clear();
                    field_start = 0;
                    state = State::StartRecord;
                    continue;
                } else if c == b'"' {
                    state = State::InQuoted;
                } else if c == b',' {
                    fields.push((field_start, scratch.len()));
                    field_start = scratch.len();
                } else {
                    scratch.push(c);
                    state = State::InField;
                }
            }
            State::InField | State::QuoteInQuoted => {
                if state == State::QuoteInQuoted && c == b'"' {
                    scratch.push(b'"');
                    state = State::InQuoted;
                } else if terminator {
                    fields.push((field_start, scratch.len()));
                    i = after_terminator(data, i);
                    on_record(scratch, fields)?;
                    fields.clear();
                    scratch.clear();
                    field_start = 0;
                    state = State::StartRecord;
                    continue;
                } else if c == b',' {
                    fields.push((field_start, scratch.len()));
                    field_start = scratch.len();
                    state = State::StartField;
                } else {
                    scratch.push(c);
                    state = State::InField;
                }
            }
            State::InQuoted => {
                if c == b'"' {
                    state = State::QuoteInQuoted;
                } else {
                    scratch.push(c);
                }
            }
        }
        i += 1;
    }
    // The end of the data ends the last record, as a final line without a newline does
    // (and, Python being non-strict, an unclosed quote too).
    if state != State::StartRecord {
        fields.push((field_start, scratch.len()));
        on_record(scratch, fields)?;
    }
    Ok(())
}

/// The end (exclusive) of the last complete record in `data`, quotes respected, if any
/// record ends inside it. With `has_quotes` false the text holds no quote at all.
pub fn last_record_end(data: &[u8], has_quotes: bool) -> Option<usize> {
    if !has_quotes {
        // A terminator ends a record; a `\r` at the very end may be half of `\r\n`.
        let mut i = data.iter().rposition(|&b| b == b'\n' || b == b'\r')?;
        if data[i] == b'\r' {
            if i + 1 == data.len() {
                i = data[..i].iter().rposition(|&b| b == b'\n' || b == b'\r')?;
                if data[i] == b'\r' {
                    // `\r\r` at the end: the first ends a record (then an empty line may
                    // follow, decided with more data).
                    return Some(i + 1);
                }
            }
        }
        return Some(i + 1);
    }
    quoted_record_end(data, false)
}

/// The end of the first complete record in `data`, if one ends inside it.
pub fn first_record_end(data: &[u8]) -> Option<usize> {
    quoted_record_end(data, true)
}

/// Record ends with quotes respected: the first one, or the last.
fn quoted_record_end(data: &[u8], first: bool) -> Option<usize> {
    let mut state = State::StartRecord;
    let mut last = None;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let terminator = c == b'\n' || c == b'\r';
        state = match state {
            State::InQuoted => {
                if c == b'"' {
                    State::QuoteInQuoted
                } else {
                    State::InQuoted
                }
            }
            State::QuoteInQuoted if c == b'"' => State::InQuoted,
            State::StartRecord | State::StartField if c == b'"' => State::InQuoted,
            _ if terminator => {
                if c == b'\r' && i + 1 == data.len() {
                    // Maybe the first half of `\r\n`: decide with more data.
                    break;
                }
                i = after_terminator(data, i);
                last = Some(i);
                if first {
                    break;
                }
                state = State::StartRecord;
                continue;
            }
            _ if c == b',' => State::StartField,
            _ => State::InField,
        };
        i += 1;
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(data: &str) -> Vec<Vec<String>> {
        let mut out = vec![];
        let mut fields = vec![];
        let mut scratch = vec![];
        let quoted = data.contains('"');
        let mut push = |buf: &[u8], fs: &[(usize, usize)]| -> Result<(), ()> {
            out.push(
                fs.iter()
                    .map(|&(a, b)| String::from_utf8(buf[a..b].to_vec()).unwrap())
                    .collect(),
            );
            Ok(())
        };
        if quoted {
            records_quoted(data.as_bytes(), &mut fields, &mut scratch, &mut push).unwrap();
        } else {
            records_fast(data.as_bytes(), &mut fields, &mut push).unwrap();
        }
        out
    }

    #[test]
    fn records_like_python() {
        // Expected values observed from Python's csv.reader.
        assert_eq!(
            split("a,b\r\n\r\n1,2\n\n3,\"x\ny\"\n4"),
            vec![
                vec!["a", "b"],
                vec![],
                vec!["1", "2"],
                vec![],
                vec!["3", "x\ny"],
                vec!["4"]
            ]
        );
        assert_eq!(
            split("a,b\r\n\r\n1,2\n\n4,"),
            vec![
                vec!["a", "b"],
                vec![],
                vec!["1", "2"],
                vec![],
                vec!["4", ""]
            ]
        );
        assert_eq!(
            split("a,b\n1,\"x\"y,z\n"),
            vec![vec!["a", "b"], vec!["1", "xy", "z"]]
        );
        assert_eq!(split("1, \"x\"\n"), vec![vec!["1", " \"x\""]]);
        assert_eq!(
            split("\"a\"\"b\",\"\"\r\"c,d\""),
            vec![vec!["a\"b", ""], vec!["c,d"]]
        );
        assert_eq!(split("a\rb\r\nc"), vec![vec!["a"], vec!["b"], vec!["c"]]);
        assert_eq!(split("\"open"), vec![vec!["open"]]);
    }

    #[test]
    fn record_ends() {
        assert_eq!(last_record_end(b"a,b\nc,d", false), Some(4));
        assert_eq!(last_record_end(b"a,b\r", false), None);
        assert_eq!(last_record_end(b"a\nb,b\r", false), Some(2));
        assert_eq!(last_record_end(b"a,\"b\nc\"\nd", true), Some(8));
        assert_eq!(last_record_end(b"a,\"b\nc", true), None);
        assert_eq!(last_record_end(b"x\"y\nz", true), Some(4));
        assert_eq!(first_record_end(b"\"a\"\"b\n\",c\nd\n"), Some(10));
        assert_eq!(first_record_end(b"a,b"), None);
    }
}
