//! Our DataFusion scalar functions: the date arithmetic ehrQL defines differently from SQL
//! (month and year addition rolling forward, whole-year and whole-month differences),
//! date parts, substring tests, and the episode count over an aggregated list of dates.
//!
//! Each is a vectorised kernel over Arrow arrays; the per-value rules are the query model's
//! (`qm::scalar`), so the engine and population validation cannot disagree.

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, ArrayRef, ListArray};
use arrow_schema::{DataType, Field};
use datafusion::common::{DataFusionError, Result};
use datafusion::logical_expr::{
    create_udf, ColumnarValue, ScalarFunctionImplementation, ScalarUDF, Volatility,
};

use crate::qm::scalar::{add_days, add_months, add_years, months_between, years_between};
use crate::qm::Date;

fn arrays(args: &[ColumnarValue]) -> Result<Vec<ArrayRef>> {
    ColumnarValue::values_to_arrays(args)
}

fn out_of_range(what: &str) -> DataFusionError {
    DataFusionError::Execution(format!("ehrql: {what}"))
}

/// A function of one date giving an int.
fn date_to_int(name: &str, f: fn(Date) -> i64) -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let d = a[0].as_primitive::<Date32Type>();
        let out: arrow_array::Int64Array = d.unary(|v| f(Date(v)));
        Ok(ColumnarValue::Array(Arc::new(out)))
    });
    create_udf(
        name,
        vec![DataType::Date32],
        DataType::Int64,
        Volatility::Immutable,
        fun,
    )
}

/// A function of one date giving a date.
fn date_to_date(name: &str, f: fn(Date) -> Date) -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let d = a[0].as_primitive::<Date32Type>();
        let out: arrow_array::Date32Array = d.unary(|v| f(Date(v)).0);
        Ok(ColumnarValue::Array(Arc::new(out)))
    });
    create_udf(
        name,
        vec![DataType::Date32],
        DataType::Date32,
        Volatility::Immutable,
        fun,
    )
}

type AddFn = fn(Date, i64) -> std::result::Result<Date, crate::qm::scalar::ScalarError>;

/// Date plus an int count of days, months or years; out-of-range results are errors, as in
/// the reference.
fn date_add(name: &str, f: AddFn) -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let d = a[0].as_primitive::<Date32Type>();
        let n = a[1].as_primitive::<Int64Type>();
        let mut b = Date32Builder::with_capacity(d.len());
        for i in 0..d.len() {
            if d.is_null(i) || n.is_null(i) {
                b.append_null();
            } else {
                let r = f(Date(d.value(i)), n.value(i)).map_err(|e| out_of_range(&e.0))?;
                b.append_value(r.0);
            }
        }
        Ok(ColumnarValue::Array(Arc::new(b.finish())))
    });
    create_udf(
        name,
        vec![DataType::Date32, DataType::Int64],
        DataType::Date32,
        Volatility::Immutable,
        fun,
    )
}

/// `lhs - rhs` of two dates in whole units.
fn date_diff(name: &str, f: fn(Date, Date) -> i64) -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let l = a[0].as_primitive::<Date32Type>();
        let r = a[1].as_primitive::<Date32Type>();
        let out: arrow_array::Int64Array =
            datafusion::arrow::compute::kernels::arity::binary(l, r, |x, y| f(Date(x), Date(y)))?;
        Ok(ColumnarValue::Array(Arc::new(out)))
    });
    create_udf(
        name,
        vec![DataType::Date32, DataType::Date32],
        DataType::Int64,
        Volatility::Immutable,
        fun,
    )
}

/// Case-sensitive substring test; NULL if either side is NULL.
fn contains() -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let hay = a[0].as_string::<i32>();
        let needle = a[1].as_string::<i32>();
        let mut b = BooleanBuilder::with_capacity(hay.len());
        for i in 0..hay.len() {
            if hay.is_null(i) || needle.is_null(i) {
                b.append_null();
            } else {
                b.append_value(hay.value(i).contains(needle.value(i)));
            }
        }
        Ok(ColumnarValue::Array(Arc::new(b.finish())))
    });
    create_udf(
        "ehrql_contains",
        vec![DataType::Utf8, DataType::Utf8],
        DataType::Boolean,
        Volatility::Immutable,
        fun,
    )
}

/// Episodes in a list of dates (from `array_agg`): NULLs dropped, the rest sorted, one
/// episode plus one for each consecutive gap of more than `maximum_gap` days. An empty or
/// NULL list gives 0.
fn count_episodes() -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let lists: &ListArray = a[0].as_list::<i32>();
        let gaps = a[1].as_primitive::<Int64Type>();
        let mut b = Int64Builder::with_capacity(lists.len());
        let mut dates: Vec<i32> = Vec::new();
        for i in 0..lists.len() {
            dates.clear();
            if !lists.is_null(i) {
                let values = lists.value(i);
                let values = values.as_primitive::<Date32Type>();
                dates.extend(values.iter().flatten());
            }
            dates.sort_unstable();
            let gap = gaps.value(i);
            let mut count = i64::from(!dates.is_empty());
            for w in dates.windows(2) {
                if i64::from(w[1]) - i64::from(w[0]) > gap {
                    count += 1;
                }
            }
            b.append_value(count);
        }
        Ok(ColumnarValue::Array(Arc::new(b.finish())))
    });
    let item = Arc::new(Field::new_list_field(DataType::Date32, true));
    create_udf(
        "ehrql_count_episodes",
        vec![DataType::List(item), DataType::Int64],
        DataType::Int64,
        Volatility::Immutable,
        fun,
    )
}

/// The correctly rounded sum of `values` (Shewchuk's exact partials, as Python's
/// `math.fsum`): the result does not depend on the order rows arrive in.
pub fn exact_sum(values: impl Iterator<Item = f64>) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for mut x in values {
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut kept = 0;
        for k in 0..partials.len() {
            let mut y = partials[k];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return special;
    }
    // Add the partials from the top, with the half-way correction Python's fsum makes.
    let Some(mut hi) = partials.pop() else {
        return 0.0;
    };
    let mut lo = 0.0;
    while let Some(y) = partials.pop() {
        let x = hi;
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if let Some(&next) = partials.last() {
        if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    hi
}

/// Sum (`mean = false`) or mean of each list of floats (from `array_agg`), NULLs skipped;
/// NULL for a NULL or all-NULL list.
fn float_list_aggregate(name: &str, mean: bool) -> ScalarUDF {
    let fun: ScalarFunctionImplementation = Arc::new(move |args: &[ColumnarValue]| {
        let a = arrays(args)?;
        let lists: &ListArray = a[0].as_list::<i32>();
        let mut b = arrow_array::builder::Float64Builder::with_capacity(lists.len());
        for i in 0..lists.len() {
            if lists.is_null(i) {
                b.append_null();
                continue;
            }
            let values = lists.value(i);
            let values = values.as_primitive::<arrow_array::types::Float64Type>();
            let n = values.len() - values.null_count();
            if n == 0 {
                b.append_null();
                continue;
            }
            let total = exact_sum(values.iter().flatten());
            b.append_value(if mean { total / n as f64 } else { total });
        }
        Ok(ColumnarValue::Array(Arc::new(b.finish())))
    });
    let item = Arc::new(Field::new_list_field(DataType::Float64, true));
    create_udf(
        name,
        vec![DataType::List(item)],
        DataType::Float64,
        Volatility::Immutable,
        fun,
    )
}

fn first_of_year(d: Date) -> Date {
    Date::from_ymd(d.ymd().0, 1, 1).expect("1 January exists")
}

fn first_of_month(d: Date) -> Date {
    let (y, m, _) = d.ymd();
    Date::from_ymd(y, m, 1).expect("the 1st exists")
}

/// The functions, built once per run.
pub struct Udfs {
    pub year: Arc<ScalarUDF>,
    pub month: Arc<ScalarUDF>,
    pub day: Arc<ScalarUDF>,
    pub first_of_year: Arc<ScalarUDF>,
    pub first_of_month: Arc<ScalarUDF>,
    pub add_days: Arc<ScalarUDF>,
    pub add_months: Arc<ScalarUDF>,
    pub add_years: Arc<ScalarUDF>,
    pub diff_months: Arc<ScalarUDF>,
    pub diff_years: Arc<ScalarUDF>,
    pub contains: Arc<ScalarUDF>,
    pub count_episodes: Arc<ScalarUDF>,
    pub float_sum: Arc<ScalarUDF>,
    pub float_mean: Arc<ScalarUDF>,
}

impl Udfs {
    pub fn new() -> Udfs {
        Udfs {
            year: Arc::new(date_to_int("ehrql_year", |d| i64::from(d.ymd().0))),
            month: Arc::new(date_to_int("ehrql_month", |d| i64::from(d.ymd().1))),
            day: Arc::new(date_to_int("ehrql_day", |d| i64::from(d.ymd().2))),
            first_of_year: Arc::new(date_to_date("ehrql_first_of_year", first_of_year)),
            first_of_month: Arc::new(date_to_date("ehrql_first_of_month", first_of_month)),
            add_days: Arc::new(date_add("ehrql_add_days", add_days)),
            add_months: Arc::new(date_add("ehrql_add_months", add_months)),
            add_years: Arc::new(date_add("ehrql_add_years", add_years)),
            diff_months: Arc::new(date_diff("ehrql_diff_months", |l, r| months_between(r, l))),
            diff_years: Arc::new(date_diff("ehrql_diff_years", |l, r| years_between(r, l))),
            contains: Arc::new(contains()),
            count_episodes: Arc::new(count_episodes()),
            float_sum: Arc::new(float_list_aggregate("ehrql_float_sum", false)),
            float_mean: Arc::new(float_list_aggregate("ehrql_float_mean", true)),
        }
    }
}

impl Default for Udfs {
    fn default() -> Self {
        Udfs::new()
    }
}

#[cfg(test)]
mod tests {
    use super::exact_sum;

    #[test]
    fn exact_sum_is_correctly_rounded_and_order_free() {
        let xs = [0.1, 0.2, 0.3, 1e16, -1e16, 24.44, 122.2];
        let forward = exact_sum(xs.iter().copied());
        let backward = exact_sum(xs.iter().rev().copied());
        assert_eq!(forward, backward);
        // Python: math.fsum([0.1, 0.2, 0.3, 1e16, -1e16, 24.44, 122.2]) == 147.24
        assert_eq!(forward, 147.24);
        assert_eq!(exact_sum(std::iter::empty()), 0.0);
        assert_eq!(exact_sum([0.1; 10].into_iter()), 1.0);
    }
}
