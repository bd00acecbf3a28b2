//! `ehrql-bench-gen`: writes the benchmark's core-schema CSV tables byte for byte as
//! `../shared/bench/gen_bench_data.py` does for the same `--patients`, `--seed` and
//! codelists, only much faster.
//!
//! Identity rests on replaying CPython's `random.Random` exactly: the same Mersenne Twister
//! seeding (`init_by_array` of the seed's 32-bit words), the same `random()`, `_randbelow`,
//! `shuffle` and `choices`, drawn in the same order as the script draws them. The order
//! matters wherever Python evaluates lazily (`a if rand() < p else rand()`, `and`) or
//! eagerly (`choices(..., k=n)` draws all `n` before the loop body draws anything).
//!
//! Standard library only, so it also builds on its own, optimised, without cargo:
//! `rustc -O --edition 2021 src/bin/ehrql-bench-gen.rs -o ehrql-bench-gen`.
//!
//! Usage: `ehrql-bench-gen --patients N --out DIR --codelists DIR [--seed 1]`.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// CPython's MT19937 (`_randommodule.c`).
struct Mt {
    state: [u32; 624],
    index: usize,
}

impl Mt {
    fn from_u32(seed: u32) -> Mt {
        let mut state = [0u32; 624];
        state[0] = seed;
        for i in 1..624 {
            state[i] = 1_812_433_253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt { state, index: 624 }
    }

    /// `random.Random(seed)` for an int seed: `init_by_array` over |seed|'s 32-bit words.
    fn from_seed(seed: i64) -> Mt {
        let mut n = seed.unsigned_abs();
        let mut key = Vec::new();
        while n > 0 {
            key.push(n as u32);
            n >>= 32;
        }
        if key.is_empty() {
            key.push(0);
        }
        let mut mt = Mt::from_u32(19_650_218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624.max(key.len()) {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                s[0] = s[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                s[0] = s[623];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    fn refill(&mut self) {
        let s = &mut self.state;
        for k in 0..624 {
            let y = (s[k] & 0x8000_0000) | (s[(k + 1) % 624] & 0x7fff_ffff);
            let mut v = s[(k + 397) % 624] ^ (y >> 1);
            if y & 1 != 0 {
                v ^= 0x9908_b0df;
            }
            s[k] = v;
        }
        self.index = 0;
    }

    #[inline]
    fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            self.refill();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 bits from two words.
    #[inline]
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 1 <= k <= 64: 32-bit words, least significant first, the last
    /// one shifted down to the bits still wanted.
    fn getrandbits(&mut self, k: u32) -> u64 {
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let (mut out, mut left, mut shift) = (0u64, k, 0);
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out |= (r as u64) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        out
    }

    /// `_randbelow(n)` for n > 0: rejection sampling on `n.bit_length()` bits.
    fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `shuffle(x)`: Fisher-Yates from the end.
    fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `choices(population, k=1)[0]` without weights: `floor(random() * n)`.
    #[inline]
    fn pick(&mut self, n: usize) -> usize {
        (self.random() * n as f64) as usize
    }

    /// `int(random() * n)`, the script's idiom for a bounded integer.
    #[inline]
    fn int_times(&mut self, n: i64) -> i64 {
        (self.random() * n as f64) as i64
    }
}

const SEXES: [&str; 4] = ["female", "male", "intersex", "unknown"];
const SEX_WEIGHTS: [f64; 4] = [0.49, 0.49, 0.005, 0.015];
const ICD10_POOL: [&str; 25] = [
    "J45", "J459", "J44", "J440", "I21", "I219", "I63", "I639", "C34", "C349", "E11", "E119",
    "F03", "G30", "I50", "J18", "J189", "N18", "K70", "X59", "U071", "A419", "C18", "C50", "I10",
];
const BIRTH_START_YEAR: i64 = 1915;
const BIRTH_END_YEAR: i64 = 2023;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The `code` column of a codelist CSV, in file order (the files hold no quoted fields).
fn read_codes(path: &Path) -> io::Result<Vec<String>> {
    let text = fs::read_to_string(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let col = header.iter().position(|h| *h == "code").ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}: no code column", path.display()),
        )
    })?;
    Ok(lines
        .map(|l| l.split(',').nth(col).unwrap_or("").to_string())
        .collect())
}

fn make_pool(
    rng: &mut Mt,
    groups: &[(&[String], f64)],
    filler: &[String],
    filler_weight: f64,
) -> Vec<String> {
    let size = 20_000.0f64;
    let mut pool = Vec::new();
    for (codes, weight) in groups {
        let k = codes.len().max((size * weight) as usize);
        pool.extend((0..k).map(|i| codes[i % codes.len()].clone()));
    }
    let k = 1usize.max((size * filler_weight) as usize);
    pool.extend((0..k).map(|i| filler[i % filler.len()].clone()));
    rng.shuffle(&mut pool);
    pool
}

/// `n` distinct codes of `digits` digits not in `exclude`, by `randrange`.
fn random_codes(rng: &mut Mt, n: usize, digits: u32, exclude: &HashSet<String>) -> Vec<String> {
    let lo = 10u64.pow(digits - 1);
    let width = 10u64.pow(digits) - lo;
    let mut seen = exclude.clone();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let c = (lo + rng.below(width)).to_string();
        if seen.insert(c.clone()) {
            out.push(c);
        }
    }
    out
}

struct Args {
    patients: i64,
    out: PathBuf,
    seed: i64,
    codelists: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut patients = None;
    let mut out = None;
    let mut seed = 1i64;
    let mut codelists = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--patients" | "-n" => {
                patients = Some(val()?.parse().map_err(|e| format!("--patients: {e}"))?)
            }
            "--out" | "-o" => out = Some(PathBuf::from(val()?)),
            "--seed" => seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--codelists" => codelists = Some(PathBuf::from(val()?)),
            "-h" | "--help" => return Err(String::new()),
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    Ok(Args {
        patients: patients.ok_or("--patients is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        codelists: codelists.ok_or("--codelists is required")?,
    })
}

const TABLES: [&str; 5] = [
    "patients",
    "practice_registrations",
    "clinical_events",
    "medications",
    "ons_deaths",
];

fn generate(args: &Args) -> io::Result<[usize; 5]> {
    let mut rng = Mt::from_seed(args.seed);
    fs::create_dir_all(&args.out)?;

    // Codelists by file stem, in sorted path order as the script's `sorted(glob)`.
    let mut paths: Vec<PathBuf> = fs::read_dir(&args.codelists)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    let mut med_list = Vec::new();
    let mut bmi_codes = HashSet::new();
    let mut event_lists = Vec::new();
    for p in &paths {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let codes = read_codes(p)?;
        if stem == "bmi" {
            bmi_codes = codes.iter().cloned().collect();
        }
        if stem == "asthma-medications" {
            med_list = codes;
        } else {
            event_lists.push(codes);
        }
    }
    let all_event_codes: HashSet<String> = event_lists.iter().flatten().cloned().collect();
    let med_set: HashSet<String> = med_list.iter().cloned().collect();

    let event_filler = random_codes(&mut rng, 5000, 9, &all_event_codes);
    let med_filler = random_codes(&mut rng, 2000, 17, &med_set);
    let share = 0.25 / event_lists.len().max(1) as f64;
    let groups: Vec<(&[String], f64)> = event_lists.iter().map(|c| (&c[..], share)).collect();
    let event_pool = make_pool(&mut rng, &groups, &event_filler, 0.75);
    let med_groups: Vec<(&[String], f64)> = if med_list.is_empty() {
        Vec::new()
    } else {
        vec![(&med_list[..], 0.25)]
    };
    let med_pool = make_pool(&mut rng, &med_groups, &med_filler, 0.75);
    // Pool entries as (bytes, is-BMI) so the hot loop does no hashing.
    let event_pool: Vec<(&[u8], bool)> = event_pool
        .iter()
        .map(|c| (c.as_bytes(), bmi_codes.contains(c)))
        .collect();

    // Day offsets from 1915-01-01, each with its ISO string.
    let base = days_from_civil(BIRTH_START_YEAR, 1, 1);
    let idx = |y, m, d| days_from_civil(y, m, d) - base;
    let ev_hi = idx(2024, 12, 31);
    let ev_lo = idx(2000, 1, 1);
    let reg_lo = idx(1990, 1, 1);
    let dstr: Vec<[u8; 10]> = (0..=ev_hi)
        .map(|i| {
            let (y, m, d) = civil_from_days(base + i);
            let s = format!("{y:04}-{m:02}-{d:02}");
            s.as_bytes().try_into().unwrap()
        })
        .collect();
    let dob_choices: Vec<i64> = (BIRTH_START_YEAR..=BIRTH_END_YEAR)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .map(|(y, m)| idx(y, m, 1))
        .collect();
    let death_floor = idx(2010, 1, 1);

    // `choices(SEXES, SEX_WEIGHTS)`: cumulative weights summed left to right, then bisect.
    let mut cum = [0f64; 4];
    let mut acc = 0.0;
    for (c, w) in cum.iter_mut().zip(SEX_WEIGHTS) {
        acc += w;
        *c = acc;
    }
    let total = cum[3] + 0.0;

    let mut bufs: [Vec<u8>; 5] = Default::default();
    bufs[0].extend_from_slice(b"patient_id,sex,date_of_birth,date_of_death\n");
    bufs[1].extend_from_slice(b"patient_id,start_date,end_date,practice_pseudo_id\n");
    bufs[2].extend_from_slice(b"patient_id,date,snomedct_code,numeric_value\n");
    bufs[3].extend_from_slice(b"patient_id,date,dmd_code\n");
    bufs[4].extend_from_slice(b"patient_id,date,underlying_cause_of_death");
    for i in 1..=15 {
        write!(bufs[4], ",cause_of_death_{i:02}")?;
    }
    bufs[4].push(b'\n');
    let mut files = Vec::new();
    for t in TABLES {
        files.push(File::create(args.out.join(format!("{t}.csv")))?);
    }
    let mut counts = [0usize; 5];
    let mut picks = Vec::with_capacity(64);
    let [pat, reg, ev, md, od] = &mut bufs;

    for pid in 1..=args.patients {
        let dob_i = dob_choices[rng.pick(dob_choices.len())];
        let u = rng.random() * total;
        let sex = SEXES[cum[..3].partition_point(|c| *c <= u)];
        let mut death_i = None;
        if rng.random() < 0.08 {
            let lo = dob_i.max(death_floor);
            death_i = Some(lo + rng.int_times(ev_hi - lo + 1));
        }
        write!(pat, "{pid},{sex},")?;
        pat.extend_from_slice(&dstr[dob_i as usize]);
        pat.push(b',');
        if let Some(d) = death_i {
            pat.extend_from_slice(&dstr[d as usize]);
        }
        pat.push(b'\n');
        counts[0] += 1;

        // Practice registrations: consecutive spells, the last usually open.
        let n_regs = 1 + rng.int_times(3);
        let mut start = dob_i.max(reg_lo) + rng.int_times(3650);
        for r in 0..n_regs {
            if start > ev_hi {
                break;
            }
            let last = r == n_regs - 1;
            let (end, nxt) = if last && rng.random() < 0.85 {
                (None, ev_hi + 1)
            } else {
                let end = ev_hi.min(start + 30 + rng.int_times(5000));
                (Some(end), end + 1 + rng.int_times(60))
            };
            write!(reg, "{pid},")?;
            reg.extend_from_slice(&dstr[start as usize]);
            reg.push(b',');
            if let Some(e) = end {
                reg.extend_from_slice(&dstr[e as usize]);
            }
            writeln!(reg, ",{}", rng.int_times(1000))?;
            counts[1] += 1;
            start = nxt;
        }

        // Clinical events and medications, after birth, before death (if any).
        let lo = ev_lo.max(dob_i);
        let hi = death_i.map_or(ev_hi, |d| ev_hi.min(d));
        if hi >= lo {
            let span = hi - lo + 1;
            let n_ev = rng.int_times(41);
            picks.clear();
            picks.extend((0..n_ev).map(|_| rng.pick(event_pool.len())));
            for &p in &picks {
                let (code, is_bmi) = event_pool[p];
                let d = lo + rng.int_times(span);
                write!(ev, "{pid},")?;
                ev.extend_from_slice(&dstr[d as usize]);
                ev.push(b',');
                ev.extend_from_slice(code);
                ev.push(b',');
                if is_bmi {
                    write!(ev, "{:.1}", 15.0 + rng.random() * 30.0)?;
                } else if rng.random() < 0.1 {
                    write!(ev, "{:.2}", rng.random() * 200.0)?;
                }
                ev.push(b'\n');
            }
            counts[2] += picks.len();
            let n_med = rng.int_times(21);
            picks.clear();
            picks.extend((0..n_med).map(|_| rng.pick(med_pool.len())));
            for &p in &picks {
                write!(md, "{pid},")?;
                md.extend_from_slice(&dstr[(lo + rng.int_times(span)) as usize]);
                md.push(b',');
                md.extend_from_slice(med_pool[p].as_bytes());
                md.push(b'\n');
            }
            counts[3] += picks.len();
        }

        if let Some(death) = death_i {
            if rng.random() < 0.9 {
                let d_i = if rng.random() < 0.95 {
                    death
                } else {
                    ev_hi.min(death + rng.int_times(10))
                };
                let cause = ICD10_POOL[rng.pick(ICD10_POOL.len())];
                // `X if rand() < 0.5 else ""`: the condition draws first.
                let c01 = if rng.random() < 0.5 {
                    ICD10_POOL[rng.pick(ICD10_POOL.len())]
                } else {
                    ""
                };
                write!(od, "{pid},")?;
                od.extend_from_slice(&dstr[d_i as usize]);
                writeln!(od, ",{cause},{c01},,,,,,,,,,,,,,")?;
                counts[4] += 1;
            }
        }

        if ev.len() > 1 << 20 {
            for (f, b) in files
                .iter_mut()
                .zip([&mut *pat, &mut *reg, &mut *ev, &mut *md, &mut *od])
            {
                f.write_all(b)?;
                b.clear();
            }
        }
    }
    for (f, b) in files.iter_mut().zip(bufs.iter()) {
        f.write_all(b)?;
    }
    Ok(counts)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("usage: ehrql-bench-gen --patients N --out DIR --codelists DIR [--seed 1]");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    match generate(&args) {
        Ok(counts) => {
            let summary: Vec<String> = TABLES
                .iter()
                .zip(counts)
                .map(|(t, c)| format!("{t}={c}"))
                .collect();
            println!(
                "wrote {}: {} in {:.1}s",
                args.out.display(),
                summary.join(", "),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
