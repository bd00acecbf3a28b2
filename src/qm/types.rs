//! The query model's value types and literal values: what a series holds and what a `Value` node wraps.

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

/// The six code systems; each code column and code literal belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CodeSystem {
    SNOMEDCTCode,
    CTV3Code,
    ICD10Code,
    OPCS4Code,
    DMDCode,
    BNFCode,
}

/// The two multi-code string systems (strings holding many codes, e.g. `apcs.all_diagnoses`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MultiCodeSystem {
    ICD10MultiCodeString,
    OPCS4MultiCodeString,
}

impl CodeSystem {
    pub const ALL: [CodeSystem; 6] = [
        CodeSystem::SNOMEDCTCode,
        CodeSystem::CTV3Code,
        CodeSystem::ICD10Code,
        CodeSystem::OPCS4Code,
        CodeSystem::DMDCode,
        CodeSystem::BNFCode,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CodeSystem::SNOMEDCTCode => "SNOMEDCTCode",
            CodeSystem::CTV3Code => "CTV3Code",
            CodeSystem::ICD10Code => "ICD10Code",
            CodeSystem::OPCS4Code => "OPCS4Code",
            CodeSystem::DMDCode => "DMDCode",
            CodeSystem::BNFCode => "BNFCode",
        }
    }
}

impl MultiCodeSystem {
    pub fn name(self) -> &'static str {
        match self {
            MultiCodeSystem::ICD10MultiCodeString => "ICD10MultiCodeString",
            MultiCodeSystem::OPCS4MultiCodeString => "OPCS4MultiCodeString",
        }
    }
}

/// The type of the values in a series.
///
/// `Set` only arises from `CombineAsSet` and from `Value` nodes wrapping a set literal;
/// `Set(None)` is the empty set literal, whose element type is unknown and matches anything.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Type {
    Bool,
    Int,
    Float,
    Str,
    Date,
    Code(CodeSystem),
    MultiCodeString(MultiCodeSystem),
    Set(Option<Box<Type>>),
}

impl Type {
    /// Whether a value of type `self` is accepted where `target` is asked for without a
    /// type variable: equality, plus the reference's one subclass relation that reaches the
    /// query model (multi-code strings are strings). bool is never an int.
    pub fn is_subtype_of(&self, target: &Type) -> bool {
        self == target || matches!((self, target), (Type::MultiCodeString(_), Type::Str))
    }

    /// int or float (the reference's `Numeric` type variable).
    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Int | Type::Float)
    }

    /// int, float, str (and its multi-code subclasses), date or any code (`Comparable`).
    pub fn is_comparable(&self) -> bool {
        matches!(
            self,
            Type::Int
                | Type::Float
                | Type::Str
                | Type::Date
                | Type::Code(_)
                | Type::MultiCodeString(_)
        )
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::Int => f.write_str("int"),
            Type::Float => f.write_str("float"),
            Type::Str => f.write_str("str"),
            Type::Date => f.write_str("date"),
            Type::Code(c) => f.write_str(c.name()),
            Type::MultiCodeString(m) => f.write_str(m.name()),
            Type::Set(None) => f.write_str("Set[Any]"),
            Type::Set(Some(t)) => write!(f, "Set[{t}]"),
        }
    }
}

/// A float with total equality, ordering and hashing, so literal values can be interned.
/// `-0.0` is stored as `0.0` and every NaN as one NaN, because Python's `0.0 == -0.0`
/// makes the two `Value` nodes equal in the reference.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(transparent)]
pub struct F64(f64);

impl F64 {
    pub fn new(v: f64) -> F64 {
        if v == 0.0 {
            F64(0.0)
        } else if v.is_nan() {
            F64(f64::NAN)
        } else {
            F64(v)
        }
    }
    pub fn get(self) -> f64 {
        self.0
    }
}

impl PartialEq for F64 {
    fn eq(&self, other: &F64) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for F64 {}
impl PartialOrd for F64 {
    fn partial_cmp(&self, other: &F64) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for F64 {
    fn cmp(&self, other: &F64) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}
impl Hash for F64 {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state)
    }
}

/// A calendar date, stored as days since 1970-01-01 (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub i32);

impl Date {
    pub const MIN_YEAR: i32 = 1;
    pub const MAX_YEAR: i32 = 9999;

    /// The date for year/month/day, or None if it does not exist or is outside 1..9999.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(Date::MIN_YEAR..=Date::MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            s.get(r.clone())?
                .bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s[r].parse().ok())?
        };
        Date::from_ymd(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// Whether this date lies in 0001-01-01..=9999-12-31.
    pub fn in_range(self) -> bool {
        (Date::MIN_YEAR..=Date::MAX_YEAR).contains(&self.ymd().0)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

// Day counting through 400-year eras, which repeat exactly in the Gregorian calendar; the
// year is shifted to start in March so the leap day falls at the end of a counted year.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era =
        year_of_era as u32 * 365 + year_of_era as u32 / 4 - year_of_era as u32 / 100 + day_of_year;
    era * 146_097 + day_of_era as i32 - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = (z - era * 146_097) as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era as i32 + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid date {s:?}")))
    }
}

/// A literal value. Equality is strict about type, as in the reference: `Int(1)`,
/// `Bool(true)` and `Float(1.0)` are three different values, so three different nodes.
/// NULL is not a `Value`; where the query model allows it (case values and default) it is
/// an absent node, and evaluators use `Option<Value>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(F64),
    Str(String),
    Date(Date),
    Code(CodeSystem, String),
    MultiCode(MultiCodeSystem, String),
    Set(BTreeSet<Value>),
}

impl Value {
    pub fn float(v: f64) -> Value {
        Value::Float(F64::new(v))
    }

    /// The type of this literal. A set's element type is its members' common type, `None`
    /// when it is empty, and `Err` when the members' types differ (a set the reference
    /// builds but can never use, since no operation accepts it).
    pub fn ty(&self) -> Result<Type, MixedSet> {
        Ok(match self {
            Value::Bool(_) => Type::Bool,
            Value::Int(_) => Type::Int,
            Value::Float(_) => Type::Float,
            Value::Str(_) => Type::Str,
            Value::Date(_) => Type::Date,
            Value::Code(c, _) => Type::Code(*c),
            Value::MultiCode(m, _) => Type::MultiCodeString(*m),
            Value::Set(members) => {
                let mut elem: Option<Type> = None;
                for m in members {
                    let t = m.ty()?;
                    match &elem {
                        Some(e) if *e != t => return Err(MixedSet),
                        _ => elem = Some(t),
                    }
                }
                Type::Set(elem.map(Box::new))
            }
        })
    }
}

/// A set literal whose members are not all of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MixedSet;

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{:?}", x.get()),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Date(d) => write!(f, "date({d})"),
            Value::Code(c, s) => write!(f, "{}({s:?})", c.name()),
            Value::MultiCode(m, s) => write!(f, "{}({s:?})", m.name()),
            Value::Set(members) => {
                f.write_str("{")?;
                for (i, m) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{m}")?;
                }
                f.write_str("}")
            }
        }
    }
}
