//! Splitting CSV bytes into records the way Python's `csv.reader` does (default dialect:
//! `,` and `"`, doubled quotes, non-strict), with a fast path for text without quotes.
//!
//! A record ends at `\n`, `\r\n` or a lone `\r` outside quotes; an empty line is a record
//! with no fields; a quote opens quoting only at the start of a field; after a closing
//! quote, further text is kept literally (`"x"y` → `xy`).

/// Field boundaries of one record, as byte ranges into a buffer.
pub type Fields = Vec<(usize, usize)>;

/// Splits `data`, a run of whole records with no quote characters, appending each field's
/// start and end offsets to `bounds` and calling `on_record(n)` after each record of `n`
/// fields (0 for an empty line); splitting stops when it returns false.
///
/// Every byte is looked at once, eight at a time: each word yields the exact positions of
/// its delimiters, which are then handled in order.
pub fn split_unquoted(
    data: &[u8],
    bounds: &mut Vec<u32>,
    mut on_record: impl FnMut(usize) -> bool,
) {
    let len = data.len();
    let mut state = SplitState {
        field_start: 0,
        fields: 0,
        skip_lf_at: usize::MAX,
    };
    let mut i = 0;
    while i + 8 <= len {
        let w = u64::from_le_bytes(data[i..i + 8].try_into().expect("eight bytes"));
        let mut hits = byte_mask(w, b',') | byte_mask(w, b'\n') | byte_mask(w, b'\r');
        while hits != 0 {
            let k = i + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            if !state.delimiter(data[k], k, bounds, &mut on_record) {
                return;
            }
        }
        i += 8;
    }
    while i < len {
        let c = data[i];
        if matches!(c, b',' | b'\n' | b'\r') && !state.delimiter(c, i, bounds, &mut on_record) {
            return;
        }
        i += 1;
    }
    // A last line without a terminator.
    if state.field_start < len || state.fields > 0 {
        bounds.push(state.field_start as u32);
        bounds.push(len as u32);
        on_record(state.fields + 1);
    }
}

struct SplitState {
    field_start: usize,
    fields: usize,
    /// A `\n` right after a `\r` is part of the same terminator.
    skip_lf_at: usize,
}

impl SplitState {
    /// Handles delimiter `c` at `k`; false when `on_record` asked to stop.
    #[inline(always)]
    fn delimiter(
        &mut self,
        c: u8,
        k: usize,
        bounds: &mut Vec<u32>,
        on_record: &mut impl FnMut(usize) -> bool,
    ) -> bool {
        if c == b',' {
            bounds.push(self.field_start as u32);
            bounds.push(k as u32);
            self.fields += 1;
            self.field_start = k + 1;
            return true;
        }
        if c == b'\n' && k == self.skip_lf_at {
            self.field_start = k + 1;
            return true;
        }
        if c == b'\r' {
            self.skip_lf_at = k + 1;
        }
        if !(self.fields == 0 && self.field_start == k) {
            bounds.push(self.field_start as u32);
            bounds.push(k as u32);
            self.fields += 1;
        }
        let n = self.fields;
        self.fields = 0;
        self.field_start = k + 1;
        on_record(n)
    }
}

/// The high bit of each byte of `w` that equals `b`, exactly (no false positives, unlike
/// the shorter has-zero-byte trick, so every flagged byte can be used).
#[inline]
fn byte_mask(w: u64, b: u8) -> u64 {
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = w ^ (0x0101_0101_0101_0101 * b as u64);
    !(((x & LOWS).wrapping_add(LOWS)) | x | LOWS)
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
/// quoting); the ranges index `scratch`, which accumulates the unescaped text of every
/// field so far (so ranges stay valid for the whole call).
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
                    field_start = scratch.len();
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
            State::InField if !(terminator || c == b',') => {
                // Copy the run up to the next delimiter at once.
                let run = data[i..]
                    .iter()
                    .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
                    .unwrap_or(data.len() - i);
                scratch.extend_from_slice(&data[i..i + run]);
                i += run;
                continue;
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
                    field_start = scratch.len();
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
                    // Copy the run up to the next quote at once.
                    let run = data[i..]
                        .iter()
                        .position(|&b| b == b'"')
                        .unwrap_or(data.len() - i);
                    scratch.extend_from_slice(&data[i..i + run]);
                    i += run;
                    continue;
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
        // A terminator ends a record; a `\r` at the very end may be half of `\r\n`, so
        // the record ends at the terminator before it (with `\r\r`, the first `\r`).
        let mut i = data.iter().rposition(|&b| b == b'\n' || b == b'\r')?;
        if data[i] == b'\r' && i + 1 == data.len() {
            i = data[..i].iter().rposition(|&b| b == b'\n' || b == b'\r')?;
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
                    // Skip to the next quote.
                    i += data[i..]
                        .iter()
                        .position(|&b| b == b'"')
                        .unwrap_or(data.len() - i);
                    continue;
                }
            }
            State::InField if !(terminator || c == b',') => {
                // Skip to the next delimiter.
                i += data[i..]
                    .iter()
                    .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
                    .unwrap_or(data.len() - i);
                continue;
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
            let mut bounds = vec![];
            let mut counts = vec![];
            split_unquoted(data.as_bytes(), &mut bounds, |n| {
                counts.push(n);
                true
            });
            let mut k = 0;
            for n in counts {
                let record: Vec<(usize, usize)> = (k..k + n)
                    .map(|f| (bounds[2 * f] as usize, bounds[2 * f + 1] as usize))
                    .collect();
                k += n;
                push(data.as_bytes(), &record).unwrap();
            }
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
        assert_eq!(
            split("a\r\r\nb,\n,"),
            vec![vec!["a"], vec![], vec!["b", ""], vec!["", ""]]
        );
        assert_eq!(
            split("0123456789,abcdefghijklmnop,q\r\n,,,,,,,,,\n\nlonger line of text here,x"),
            vec![
                vec!["0123456789", "abcdefghijklmnop", "q"],
                vec![""; 10],
                vec![],
                vec!["longer line of text here", "x"],
            ]
        );
        assert_eq!(split("\"open"), vec![vec!["open"]]);
    }

    /// Without quotes, the quoted parser and the fast splitter must agree record for
    /// record on any mix of delimiters, terminators and text.
    #[test]
    fn fast_and_quoted_paths_agree() {
        let alphabet = b"ab,\n\r1-";
        let mut state = 12345u64;
        for _ in 0..3000 {
            let mut text = Vec::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 40) as usize % 40;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            let mut quoted = vec![];
            let (mut fields, mut scratch) = (vec![], vec![]);
            records_quoted(&text, &mut fields, &mut scratch, |b, fs| {
                quoted.push(
                    fs.iter()
                        .map(|&(x, y)| b[x..y].to_vec())
                        .collect::<Vec<_>>(),
                );
                Ok::<(), ()>(())
            })
            .unwrap();
            let mut fast = vec![];
            let mut bounds = vec![];
            let mut counts = vec![];
            split_unquoted(&text, &mut bounds, |n| {
                counts.push(n);
                true
            });
            let mut k = 0;
            for n in counts {
                fast.push(
                    (k..k + n)
                        .map(|f| text[bounds[2 * f] as usize..bounds[2 * f + 1] as usize].to_vec())
                        .collect::<Vec<_>>(),
                );
                k += n;
            }
            assert_eq!(fast, quoted, "{:?}", String::from_utf8_lossy(&text));
        }
    }

    /// The record-end scan and the parser agree on where the last record ends.
    #[test]
    fn record_end_scan_agrees_with_the_parser() {
        let alphabet = b"a\",\n\r\"x";
        let mut state = 99u64;
        for _ in 0..3000 {
            let mut text = Vec::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 40) as usize % 30;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            let Some(end) = last_record_end(&text, true) else {
                continue;
            };
            // Parsing the text before `end` and after it separately gives the same
            // records as parsing it whole, when the tail holds a complete record.
            let parse = |t: &[u8]| {
                let mut out = vec![];
                let (mut fields, mut scratch) = (vec![], vec![]);
                records_quoted(t, &mut fields, &mut scratch, |b, fs| {
                    out.push(
                        fs.iter()
                            .map(|&(x, y)| b[x..y].to_vec())
                            .collect::<Vec<_>>(),
                    );
                    Ok::<(), ()>(())
                })
                .unwrap();
                out
            };
            let mut split = parse(&text[..end]);
            split.extend(parse(&text[end..]));
            assert_eq!(
                split,
                parse(&text),
                "{:?} at {end}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn byte_masks_are_exact() {
        let w = u64::from_le_bytes(*b",\n\r-+\x0b\x0c,");
        assert_eq!(byte_mask(w, b','), 0x8000_0000_0000_0080);
        assert_eq!(byte_mask(w, b'\n'), 0x8000);
        assert_eq!(byte_mask(w, b'\r'), 0x80_0000);
        let none = u64::from_le_bytes(*b"\x01\x00\xff\x2d\x2b\x0b\x0c\x0e");
        assert_eq!(byte_mask(none, b','), 0);
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
