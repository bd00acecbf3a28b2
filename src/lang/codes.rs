//! Code formats per coding system (hand-written matchers for the reference's patterns) and
//! codelists read from CSV files through the evaluator's sandbox.

use crate::eval::error::{type_error, PyResult};
use crate::eval::value::{Dict, Key};
use crate::eval::{Interpreter, Value};
use crate::qm::{CodeSystem, MultiCodeSystem};

fn digits(s: &[u8]) -> bool {
    s.iter().all(u8::is_ascii_digit)
}

fn alnum(s: &[u8]) -> bool {
    s.iter().all(u8::is_ascii_alphanumeric)
}

fn upper_or_digit(c: u8) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase()
}

/// Whether `s` is a whole, valid code of `system`.
pub fn valid_code(system: CodeSystem, s: &str) -> bool {
    let b = s.as_bytes();
    match system {
        CodeSystem::SNOMEDCTCode | CodeSystem::DMDCode => {
            (6..=18).contains(&b.len()) && b[0] != b'0' && digits(b)
        }
        CodeSystem::CTV3Code => {
            b.len() == 5 && {
                let dots = b.iter().rev().take_while(|c| **c == b'.').count();
                dots <= 3 && alnum(&b[..5 - dots])
            }
        }
        CodeSystem::ICD10Code => {
            if b.len() < 3 || !b[0].is_ascii_uppercase() || !digits(&b[1..3]) {
                return false;
            }
            let rest = &b[3..];
            match rest {
                [] => true,
                [b'X'] => true,
                [b'X', d] => d.is_ascii_digit(),
                r if r.len() <= 2 => digits(r),
                _ => false,
            }
        }
        CodeSystem::OPCS4Code => {
            (3..=4).contains(&b.len())
                && b[0].is_ascii_uppercase()
                && b[0] != b'I'
                && digits(&b[1..])
        }
        CodeSystem::BNFCode => {
            let fifteen = b.len() == 15
                && (b[0] == b'0' || b[0] == b'1')
                && digits(&b[1..7])
                && b[7..9].iter().all(|c| upper_or_digit(*c))
                && b[9..]
                    .chunks(2)
                    .all(|p| p[0].is_ascii_uppercase() && upper_or_digit(p[1]));
            let appliance =
                b.len() == 11 && b[0] == b'2' && (b'0'..=b'3').contains(&b[1]) && digits(&b[2..]);
            fifteen || appliance
        }
    }
}

/// Whether `s` is a valid prefix for `contains` on a multi-code string.
pub fn valid_multi_code_prefix(system: MultiCodeSystem, s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return false;
    }
    match system {
        MultiCodeSystem::ICD10MultiCodeString => {
            if !b[0].is_ascii_uppercase() {
                return false;
            }
            let r = &b[1..];
            (r.len() <= 4 && digits(r))
                || (r.len() == 3 && digits(&r[..2]) && r[2] == b'X')
                || (r.len() == 4 && digits(&r[..2]) && r[2] == b'X' && r[3].is_ascii_digit())
        }
        MultiCodeSystem::OPCS4MultiCodeString => {
            b[0].is_ascii_uppercase() && b[0] != b'I' && b.len() <= 4 && digits(&b[1..])
        }
    }
}

fn code_for(system: MultiCodeSystem) -> CodeSystem {
    match system {
        MultiCodeSystem::ICD10MultiCodeString => CodeSystem::ICD10Code,
        MultiCodeSystem::OPCS4MultiCodeString => CodeSystem::OPCS4Code,
    }
}

/// The argument of `contains` on a multi-code string: a code of the matching system or a
/// valid prefix string.
pub fn multi_code_arg(
    it: &mut Interpreter,
    system: MultiCodeSystem,
    v: &Value,
) -> PyResult<String> {
    let code = code_for(system);
    if let Value::Instance(inst) = v {
        if let Some(Value::Str(sys)) = inst.class.lookup("_ehrql_code_system") {
            if &*sys == code.name() {
                if let Some(Value::Str(s)) = inst.attrs.borrow().get("value") {
                    return Ok(s.to_string());
                }
            }
        }
    }
    if let Value::Str(s) = v {
        if valid_multi_code_prefix(system, s) {
            return Ok(s.to_string());
        }
    }
    let _ = it;
    let article = if code.name().starts_with(['I', 'O']) {
        "an"
    } else {
        "a"
    };
    Err(type_error(format!(
        "Expecting {article} {}, or a string prefix of {article} {}; got {}",
        code.name(),
        code.name(),
        super::native::py_repr(it, v)
    )))
}

/// Reads a codelist: the stripped, non-empty values of `column`, first position kept for
/// duplicates; with `category_column`, a dict of code to category (last category wins).
pub fn parse_codelist(
    text: &str,
    column: &str,
    category_column: Option<&str>,
) -> Result<Value, String> {
    let mut rows = crate::lang::csv::parse(text).into_iter();
    let header = rows.next().unwrap_or_default();
    let header: Vec<String> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let col = header
        .iter()
        .position(|h| h == column)
        .ok_or_else(|| format!("No column '{column}' in CSV"))?;
    let cat = match category_column {
        Some(c) => Some(
            header
                .iter()
                .position(|h| h == c)
                .ok_or_else(|| format!("No column '{c}' in CSV"))?,
        ),
        None => None,
    };
    let mut codes: indexmap::IndexMap<String, String> = indexmap::IndexMap::new();
    for row in rows {
        let code = row.get(col).map(|s| s.trim()).unwrap_or("");
        if code.is_empty() {
            continue;
        }
        let category = cat
            .and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        match codes.get_mut(code) {
            Some(existing) => *existing = category,
            None => {
                codes.insert(code.to_string(), category);
            }
        }
    }
    Ok(match cat {
        None => Value::list(codes.keys().map(|c| Value::str(c)).collect()),
        Some(_) => {
            let mut d = Dict::new();
            for (k, v) in codes {
                d.insert(Key(Value::str(&k)), Value::str(&v));
            }
            Value::dict(d)
        }
    })
}

// The `ehrql._native` functions for codelists.

use super::native::{opt_str, str_arg};
use super::state::{ehrql_exception, with_state};
use crate::eval::error::value_error;
use crate::eval::Args;

pub(super) fn valid_code_fn(_: &mut Interpreter, args: Args) -> PyResult<Value> {
    let system = str_arg(&args, 0, "system")?;
    let value = str_arg(&args, 1, "value")?;
    let system =
        super::convert::code_system(&system).ok_or_else(|| value_error("unknown code system"))?;
    Ok(Value::Bool(super::codes::valid_code(system, &value)))
}

pub(super) fn codelist_from_csv(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let path = str_arg(&args, 0, "filename")?;
    let column = str_arg(&args, 1, "column")?;
    let category = opt_str(args.pos.get(2));
    let text = match it.sandbox.read_to_string(&path) {
        Ok((_, text)) => text,
        Err(e) if e.is("PermissionError") => return Err(e),
        Err(_) => {
            let mut msg = format!("No CSV file at {path}");
            if path.contains('\\') {
                msg.push_str("\nFile paths must use forward slashes (/), not backslashes (\\)");
            }
            return Err(ehrql_exception(it, "CodelistError", msg));
        }
    };
    read_codelist(it, &text, &column, category.as_deref(), &path)
}

pub(super) fn codelist_from_csv_text(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    let text = str_arg(&args, 0, "text")?;
    let column = str_arg(&args, 1, "column")?;
    let category = opt_str(args.pos.get(2));
    read_codelist(it, &text, &column, category.as_deref(), "<lines>")
}

fn read_codelist(
    it: &mut Interpreter,
    text: &str,
    column: &str,
    category: Option<&str>,
    path: &str,
) -> PyResult<Value> {
    let value = super::codes::parse_codelist(text, column, category)
        .map_err(|msg| ehrql_exception(it, "CodelistError", format!("{msg}: {path}")))?;
    // Remember where each code came from, so an invalid code names its file and line.
    let col = crate::lang::csv::parse(text).first().and_then(|h| {
        h.iter()
            .position(|x| x.trim_start_matches('\u{feff}') == column)
    });
    if let Some(col) = col {
        let rows = crate::lang::csv::parse_with_lines(text);
        with_state(it, |s| {
            for (line, row) in rows.iter().skip(1) {
                if let Some(code) = row.get(col) {
                    let code = code.trim();
                    if !code.is_empty() {
                        s.code_origins
                            .entry(code.to_string())
                            .or_insert((path.to_string(), *line));
                    }
                }
            }
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_formats_per_system() {
        let cases: &[(CodeSystem, &str, bool)] = &[
            (CodeSystem::BNFCode, "0101010A0AAAAAA", true),
            (CodeSystem::BNFCode, "21000000000", true),
            (CodeSystem::BNFCode, "24000000000", false),
            (CodeSystem::CTV3Code, "Xa12.", true),
            (CodeSystem::CTV3Code, "Xa...", true),
            (CodeSystem::CTV3Code, "X....", false),
            (CodeSystem::ICD10Code, "A01", true),
            (CodeSystem::ICD10Code, "A01X", true),
            (CodeSystem::ICD10Code, "A01X2", true),
            (CodeSystem::ICD10Code, "A012", true),
            (CodeSystem::ICD10Code, "A0123", true),
            (CodeSystem::ICD10Code, "a01", false),
            (CodeSystem::ICD10Code, "A1", false),
            (CodeSystem::ICD10Code, "A01.1", false),
            (CodeSystem::ICD10Code, "A01234", false),
            (CodeSystem::OPCS4Code, "A01", true),
            (CodeSystem::OPCS4Code, "A012", true),
            (CodeSystem::OPCS4Code, "I01", false),
            (CodeSystem::OPCS4Code, "A0", false),
            (CodeSystem::SNOMEDCTCode, "123456", true),
            (CodeSystem::SNOMEDCTCode, "012345", false),
            (CodeSystem::SNOMEDCTCode, "1234567890123456789", false),
            (CodeSystem::DMDCode, "123456789", true),
        ];
        for (system, code, valid) in cases {
            assert_eq!(
                valid_code(*system, code),
                *valid,
                "{} {code}",
                system.name()
            );
        }
    }

    #[test]
    fn multi_code_prefixes() {
        use MultiCodeSystem::*;
        for p in ["A", "A0", "A01", "A012", "A0123", "A01X", "A01X2"] {
            assert!(valid_multi_code_prefix(ICD10MultiCodeString, p), "{p}");
        }
        for p in ["", "a", "A01.", "A012345"] {
            assert!(!valid_multi_code_prefix(ICD10MultiCodeString, p), "{p}");
        }
        assert!(valid_multi_code_prefix(OPCS4MultiCodeString, "W37"));
        assert!(!valid_multi_code_prefix(OPCS4MultiCodeString, "I1"));
    }
}
