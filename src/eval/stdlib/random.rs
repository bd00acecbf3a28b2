//! `random`: CPython's Mersenne Twister and its derived functions, so seeded runs print the
//! same numbers as CPython. Unseeded use is deterministic too (seed 0), since a definition's
//! result must not change between runs.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::set;
use crate::eval::builtins::{arity, int_arg};
use crate::eval::error::{index_error, type_error, value_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Namespace, NativeObject, Value};

const N: usize = 624;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn from_u32(seed: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            state[i] = 1_812_433_253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// CPython's `init_by_array`, used for integer seeds.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt::from_u32(19_650_218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            s[i] = (s[i] ^ (s[i - 1] ^ (s[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    pub fn from_seed(seed: i64) -> Mt {
        let mut n = seed.unsigned_abs();
        let mut key = Vec::new();
        while n > 0 {
            key.push(n as u32);
            n >>= 32;
        }
        if key.is_empty() {
            key.push(0);
        }
        Mt::from_key(&key)
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
                let mut v = self.state[(k + 397) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908_b0df;
                }
                self.state[k] = v;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn getrandbits(&mut self, k: u32) -> u64 {
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let mut out = 0u64;
        let mut left = k;
        let mut shift = 0;
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

    /// A uniform integer in `[0, n)`, by rejection as CPython's `_randbelow`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }
}

/// A `random.Random` instance; the module functions use one per interpreter run.
pub struct RandomObject {
    mt: RefCell<Mt>,
}

pub fn init(it: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    let default = Value::Native(Rc::new(RandomObject {
        mt: RefCell::new(Mt::from_seed(0)),
    }));
    it.native_state.insert("random".into(), default.clone());
    for name in METHODS {
        set(
            ns,
            name,
            Value::NativeMethod(Rc::new((default.clone(), Rc::from(*name)))),
        );
    }
    set(
        ns,
        "Random",
        Value::builtin("Random", |it, a| {
            let r = Value::Native(Rc::new(RandomObject {
                mt: RefCell::new(Mt::from_seed(0)),
            }));
            if let Value::Native(n) = &r {
                n.call_method(&r, "seed", a, it)?;
            }
            Ok(r)
        }),
    );
    Ok(())
}

const METHODS: &[&str] = &[
    "seed",
    "random",
    "randint",
    "randrange",
    "choice",
    "choices",
    "shuffle",
    "sample",
    "uniform",
    "getrandbits",
];

fn seed_value(v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(0),
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(v) => Err(type_error(format!(
            "random.seed() supports int seeds only in definitions, not {}",
            v.type_name()
        ))),
    }
}

impl RandomObject {
    fn randrange(&self, start: i64, stop: Option<i64>, step: i64) -> PyResult<Value> {
        let mut mt = self.mt.borrow_mut();
        let Some(stop) = stop else {
            if start <= 0 {
                return Err(value_error("empty range for randrange()"));
            }
            return Ok(Value::Int(mt.below(start as u64) as i64));
        };
        let width = stop as i128 - start as i128;
        if step == 1 {
            if width <= 0 {
                return Err(value_error(format!(
                    "empty range in randrange({start}, {stop})"
                )));
            }
            return Ok(Value::Int(
                (start as i128 + mt.below(width as u64) as i128) as i64,
            ));
        }
        if step == 0 {
            return Err(value_error("zero step for randrange()"));
        }
        let n = if step > 0 {
            (width + step as i128 - 1) / step as i128
        } else {
            (width + step as i128 + 1) / step as i128
        };
        if n <= 0 {
            return Err(value_error(format!(
                "empty range in randrange({start}, {stop}, {step})"
            )));
        }
        Ok(Value::Int(
            (start as i128 + step as i128 * mt.below(n as u64) as i128) as i64,
        ))
    }
}

impl NativeObject for RandomObject {
    fn type_name(&self) -> &str {
        "Random"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }
    fn call_method(
        &self,
        _this: &Value,
        name: &str,
        mut args: Args,
        it: &mut Interpreter,
    ) -> PyResult<Value> {
        match name {
            "seed" => {
                *self.mt.borrow_mut() = Mt::from_seed(seed_value(args.pos.first())?);
                Ok(Value::None)
            }
            "random" => Ok(Value::Float(self.mt.borrow_mut().random())),
            "uniform" => {
                arity("uniform", &args, 2, 2)?;
                let (a, b) = (num(&args.pos[0])?, num(&args.pos[1])?);
                Ok(Value::Float(a + (b - a) * self.mt.borrow_mut().random()))
            }
            "getrandbits" => {
                arity("getrandbits", &args, 1, 1)?;
                let k = int_arg(&args.pos[0])?;
                if !(0..=63).contains(&k) {
                    return Err(value_error(
                        "getrandbits() supports 0 to 63 bits in definitions",
                    ));
                }
                Ok(Value::Int(if k == 0 {
                    0
                } else {
                    self.mt.borrow_mut().getrandbits(k as u32) as i64
                }))
            }
            "randint" => {
                arity("randint", &args, 2, 2)?;
                let (a, b) = (int_arg(&args.pos[0])?, int_arg(&args.pos[1])?);
                self.randrange(a, Some(b + 1), 1)
            }
            "randrange" => {
                arity("randrange", &args, 1, 3)?;
                let start = int_arg(&args.pos[0])?;
                let stop = args.pos.get(1).map(int_arg).transpose()?;
                let step = args.pos.get(2).map(int_arg).transpose()?.unwrap_or(1);
                self.randrange(start, stop, step)
            }
            "choice" => {
                arity("choice", &args, 1, 1)?;
                let n = it.len(&args.pos[0])?;
                if n == 0 {
                    return Err(index_error("Cannot choose from an empty sequence"));
                }
                let i = self.mt.borrow_mut().below(n as u64);
                it.getitem(&args.pos[0], &Value::Int(i as i64))
            }
            "shuffle" => {
                arity("shuffle", &args, 1, 1)?;
                let Value::List(l) = &args.pos[0] else {
                    return Err(type_error(format!(
                        "'{}' object does not support item assignment",
                        args.pos[0].type_name()
                    )));
                };
                let mut items = l.borrow_mut();
                for i in (1..items.len()).rev() {
                    let j = self.mt.borrow_mut().below(i as u64 + 1) as usize;
                    items.swap(i, j);
                }
                Ok(Value::None)
            }
            "sample" => {
                let k = match args.take_kw("k") {
                    Some(v) => int_arg(&v)?,
                    None => int_arg(args.pos.get(1).ok_or_else(|| {
                        type_error("sample() missing 1 required positional argument: 'k'")
                    })?)?,
                };
                let population = it.iterate(&args.pos[0])?;
                let n = population.len();
                if k < 0 || k as usize > n {
                    return Err(value_error("Sample larger than population or is negative"));
                }
                let k = k as usize;
                let mut setsize = 21usize;
                if k > 5 {
                    let mut p = 1usize;
                    while p < k * 3 {
                        p *= 4;
                    }
                    setsize += p;
                }
                let mut mt = self.mt.borrow_mut();
                let mut result = Vec::with_capacity(k);
                if n <= setsize {
                    let mut pool = population.clone();
                    for i in 0..k {
                        let j = mt.below((n - i) as u64) as usize;
                        result.push(pool[j].clone());
                        pool[j] = pool[n - i - 1].clone();
                    }
                } else {
                    let mut selected = std::collections::HashSet::new();
                    for _ in 0..k {
                        let mut j = mt.below(n as u64) as usize;
                        while selected.contains(&j) {
                            j = mt.below(n as u64) as usize;
                        }
                        selected.insert(j);
                        result.push(population[j].clone());
                    }
                }
                Ok(Value::list(result))
            }
            "choices" => {
                let weights = args.take_kw("weights").filter(|w| !w.is_none());
                let k = args
                    .take_kw("k")
                    .map(|v| int_arg(&v))
                    .transpose()?
                    .unwrap_or(1);
                let population = it.iterate(&args.pos[0])?;
                let n = population.len();
                let mut mt = self.mt.borrow_mut();
                let mut out = Vec::new();
                match weights {
                    None => {
                        for _ in 0..k {
                            out.push(population[(mt.random() * n as f64).floor() as usize].clone());
                        }
                    }
                    Some(w) => {
                        let w: Vec<f64> =
                            it.iterate(&w)?.iter().map(num).collect::<PyResult<_>>()?;
                        let mut cum = Vec::with_capacity(w.len());
                        let mut total = 0.0;
                        for x in w {
                            total += x;
                            cum.push(total);
                        }
                        for _ in 0..k {
                            let r = mt.random() * total;
                            let i = cum.partition_point(|c| *c <= r).min(n - 1);
                            out.push(population[i].clone());
                        }
                    }
                }
                Ok(Value::list(out))
            }
            _ => Err(crate::eval::error::attribute_error(format!(
                "'Random' object has no attribute '{name}'"
            ))),
        }
    }
}

fn num(v: &Value) -> PyResult<f64> {
    v.as_number()
        .map(|n| n.to_f64())
        .ok_or_else(|| type_error(format!("must be real number, not {}", v.type_name())))
}
