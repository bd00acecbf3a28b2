//! Calendar arithmetic for the `datetime` shim: proleptic Gregorian ordinals (day 1 is
//! 0001-01-01, as `date.toordinal()`), `strftime` and `strptime`.

pub const DAY_US: i64 = 86_400_000_000;

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

fn days_before_month(y: i64, m: i64) -> i64 {
    (1..m).map(|k| days_in_month(y, k)).sum()
}

/// Checks a date's fields with Python's messages.
pub fn check_date(y: i64, m: i64, d: i64) -> Result<(), String> {
    if !(1..=9999).contains(&y) {
        return Err(format!("year {y} is out of range"));
    }
    if !(1..=12).contains(&m) {
        return Err("month must be in 1..12".into());
    }
    if d < 1 || d > days_in_month(y, m) {
        return Err("day is out of range for month".into());
    }
    Ok(())
}

pub fn ymd_to_ord(y: i64, m: i64, d: i64) -> i64 {
    days_before_year(y) + days_before_month(y, m) + d
}

pub fn ord_to_ymd(ord: i64) -> (i64, i64, i64) {
    let n = ord - 1;
    let (n400, n) = (n.div_euclid(146_097), n.rem_euclid(146_097));
    let mut year = n400 * 400 + 1;
    let (n100, n) = (n / 36_524, n % 36_524);
    let (n4, n) = (n / 1461, n % 1461);
    let (n1, n) = (n / 365, n % 365);
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let mut month = 1;
    let mut rest = n;
    while rest >= days_in_month(year, month) {
        rest -= days_in_month(year, month);
        month += 1;
    }
    (year, month, rest + 1)
}

/// Monday is 0.
pub fn weekday(ord: i64) -> i64 {
    (ord + 6).rem_euclid(7)
}

/// Broken-down time for formatting.
#[derive(Clone, Copy, Default)]
pub struct Parts {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub micro: i64,
}

impl Parts {
    pub fn from_us(us: i64) -> Parts {
        let ord = us.div_euclid(DAY_US);
        let t = us.rem_euclid(DAY_US);
        let (year, month, day) = ord_to_ymd(ord);
        Parts {
            year,
            month,
            day,
            hour: t / 3_600_000_000,
            minute: t / 60_000_000 % 60,
            second: t / 1_000_000 % 60,
            micro: t % 1_000_000,
        }
    }

    pub fn ord(&self) -> i64 {
        ymd_to_ord(self.year, self.month, self.day)
    }
}

pub fn strftime(p: &Parts, fmt: &str) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    let ord = p.ord();
    let yday = ord - ymd_to_ord(p.year, 1, 1);
    let wd = weekday(ord);
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&format!("{:04}", p.year)),
            Some('y') => out.push_str(&format!("{:02}", p.year % 100)),
            Some('m') => out.push_str(&format!("{:02}", p.month)),
            Some('d') => out.push_str(&format!("{:02}", p.day)),
            Some('e') => out.push_str(&format!("{:>2}", p.day)),
            Some('H') => out.push_str(&format!("{:02}", p.hour)),
            Some('I') => out.push_str(&format!(
                "{:02}",
                if p.hour % 12 == 0 { 12 } else { p.hour % 12 }
            )),
            Some('M') => out.push_str(&format!("{:02}", p.minute)),
            Some('S') => out.push_str(&format!("{:02}", p.second)),
            Some('f') => out.push_str(&format!("{:06}", p.micro)),
            Some('p') => out.push_str(if p.hour < 12 { "AM" } else { "PM" }),
            Some('A') => out.push_str(DAYS[wd as usize]),
            Some('a') => out.push_str(&DAYS[wd as usize][..3]),
            Some('B') => out.push_str(MONTHS[p.month as usize - 1]),
            Some('b') | Some('h') => out.push_str(&MONTHS[p.month as usize - 1][..3]),
            Some('j') => out.push_str(&format!("{:03}", yday + 1)),
            Some('U') => out.push_str(&format!("{:02}", (yday + 7 - (wd + 1) % 7) / 7)),
            Some('W') => out.push_str(&format!("{:02}", (yday + 7 - wd) / 7)),
            Some('w') => out.push_str(&((wd + 1) % 7).to_string()),
            Some('u') => out.push_str(&(wd + 1).to_string()),
            Some('F') => out.push_str(&format!("{:04}-{:02}-{:02}", p.year, p.month, p.day)),
            Some('T') => out.push_str(&format!("{:02}:{:02}:{:02}", p.hour, p.minute, p.second)),
            Some('D') => out.push_str(&format!("{:02}/{:02}/{:02}", p.month, p.day, p.year % 100)),
            Some('-') => match chars.next() {
                Some('d') => out.push_str(&p.day.to_string()),
                Some('m') => out.push_str(&p.month.to_string()),
                Some('H') => out.push_str(&p.hour.to_string()),
                Some(o) => {
                    out.push_str("%-");
                    out.push(o);
                }
                None => out.push_str("%-"),
            },
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    out
}

/// `datetime.strptime`: parses `text` against `fmt`; the error text is Python's.
pub fn strptime(text: &str, fmt: &str) -> Result<Parts, String> {
    let mismatch = || {
        format!(
            "time data {} does not match format {}",
            crate::eval::repr::str_repr(text),
            crate::eval::repr::str_repr(fmt)
        )
    };
    let t: Vec<char> = text.chars().collect();
    let f: Vec<char> = fmt.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    let mut p = Parts {
        year: 1900,
        month: 1,
        day: 1,
        ..Parts::default()
    };
    let mut pm: Option<bool> = None;
    let mut yday: Option<i64> = None;
    let number = |i: &mut usize, max: usize| -> Option<i64> {
        let start = *i;
        while *i < t.len() && *i - start < max && t[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start {
            return None;
        }
        t[start..*i].iter().collect::<String>().parse().ok()
    };
    let name = |i: &mut usize, names: &[&str], short: bool| -> Option<usize> {
        let rest: String = t[*i..].iter().collect::<String>().to_lowercase();
        for (k, n) in names.iter().enumerate() {
            let n = if short { &n[..3] } else { n };
            if rest.starts_with(&n.to_lowercase()) {
                *i += n.chars().count();
                return Some(k);
            }
        }
        None
    };
    while j < f.len() {
        if f[j] != '%' {
            if i < t.len() && (t[i] == f[j] || (f[j].is_whitespace() && t[i].is_whitespace())) {
                i += 1;
                j += 1;
                continue;
            }
            return Err(mismatch());
        }
        let d = *f.get(j + 1).ok_or_else(mismatch)?;
        j += 2;
        match d {
            'Y' => p.year = number(&mut i, 4).ok_or_else(mismatch)?,
            'y' => {
                let y = number(&mut i, 2).ok_or_else(mismatch)?;
                p.year = if y < 69 { 2000 + y } else { 1900 + y };
            }
            'm' => p.month = number(&mut i, 2).ok_or_else(mismatch)?,
            'd' => p.day = number(&mut i, 2).ok_or_else(mismatch)?,
            'H' => p.hour = number(&mut i, 2).ok_or_else(mismatch)?,
            'I' => p.hour = number(&mut i, 2).ok_or_else(mismatch)?,
            'M' => p.minute = number(&mut i, 2).ok_or_else(mismatch)?,
            'S' => p.second = number(&mut i, 2).ok_or_else(mismatch)?,
            'j' => yday = Some(number(&mut i, 3).ok_or_else(mismatch)?),
            'f' => {
                let start = i;
                let v = number(&mut i, 6).ok_or_else(mismatch)?;
                p.micro = v * 10i64.pow(6 - (i - start) as u32);
            }
            'b' | 'h' => p.month = name(&mut i, &MONTHS, true).ok_or_else(mismatch)? as i64 + 1,
            'B' => p.month = name(&mut i, &MONTHS, false).ok_or_else(mismatch)? as i64 + 1,
            'a' => {
                name(&mut i, &DAYS, true).ok_or_else(mismatch)?;
            }
            'A' => {
                name(&mut i, &DAYS, false).ok_or_else(mismatch)?;
            }
            'p' => {
                let rest: String = t[i..].iter().take(2).collect::<String>().to_uppercase();
                pm = Some(match rest.as_str() {
                    "AM" => false,
                    "PM" => true,
                    _ => return Err(mismatch()),
                });
                i += 2;
            }
            '%' => {
                if t.get(i) != Some(&'%') {
                    return Err(mismatch());
                }
                i += 1;
            }
            _ => {
                return Err(format!(
                    "{} is a bad directive in format {}",
                    crate::eval::repr::str_repr(&format!("%{d}")),
                    crate::eval::repr::str_repr(fmt)
                ))
            }
        }
    }
    if i < t.len() {
        return Err(format!(
            "unconverted data remains: {}",
            t[i..].iter().collect::<String>()
        ));
    }
    if let Some(pm) = pm {
        p.hour = p.hour % 12 + if pm { 12 } else { 0 };
    }
    if let Some(yd) = yday {
        let (y, m, d) = ord_to_ymd(ymd_to_ord(p.year, 1, 1) + yd - 1);
        (p.year, p.month, p.day) = (y, m, d);
    }
    check_date(p.year, p.month, p.day)?;
    if p.hour > 23 || p.minute > 59 || p.second > 61 {
        return Err(mismatch());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_round_trip() {
        assert_eq!(ymd_to_ord(1, 1, 1), 1);
        assert_eq!(ymd_to_ord(2020, 3, 1), 737_485);
        for ord in [1, 59, 60, 365, 366, 730_120, 737_485, 737_850, 3_652_059] {
            let (y, m, d) = ord_to_ymd(ord);
            assert_eq!(ymd_to_ord(y, m, d), ord);
        }
        assert_eq!(ord_to_ymd(737_485), (2020, 3, 1));
        assert_eq!(weekday(ymd_to_ord(2024, 1, 1)), 0);
    }
}
