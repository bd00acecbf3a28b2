//! `first_for_patient()` / `last_for_patient()` as one grouped aggregate: the row with the
//! smallest (or largest) sort key per patient, all selected columns at once.
//!
//! Each input row's sort keys and selected values are encoded with Arrow's row format
//! (byte strings that compare like the keys: ascending, NULL first) and each patient keeps
//! the best bytes seen; comparing rows is a `memcmp`, whatever the key types. The selected
//! values ride after the keys in the same encoding: the required tie-break rewrite makes
//! every selected column a sort key, so rows equal on the keys are equal on the values and
//! comparing whole rows is the same as comparing keys.
//!
//! DataFusion's ordered `first_value` does the same job but falls back to per-row scalar
//! values when a key is a string (codes are), which made picks the costliest operator.

use std::sync::Arc;

use arrow_array::builder::BinaryBuilder;
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, BooleanArray, StructArray};
use arrow_row::{RowConverter, SortField};
use arrow_schema::{DataType, Field, FieldRef, Fields, SortOptions};
use datafusion::common::{Result, ScalarValue};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, EmitTo, GroupsAccumulator, Signature, Volatility,
};

/// A pick over `keys` (sort keys, highest priority first) giving `values` as a struct.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Pick {
    name: String,
    signature: Signature,
    key_types: Vec<DataType>,
    values: Fields,
    last: bool,
}

impl Pick {
    /// The aggregate: call it with the key expressions then the value expressions.
    pub fn udaf(key_types: Vec<DataType>, values: Fields, last: bool) -> AggregateUDF {
        let mut types = key_types.clone();
        types.extend(values.iter().map(|f| f.data_type().clone()));
        AggregateUDF::new_from_impl(Pick {
            name: if last {
                "ehrql_pick_last"
            } else {
                "ehrql_pick_first"
            }
            .to_string(),
            signature: Signature::exact(types, Volatility::Immutable),
            key_types,
            values,
            last,
        })
    }

    fn converter(&self) -> Result<RowConverter> {
        let mut fields: Vec<SortField> = self
            .key_types
            .iter()
            .map(|t| {
                SortField::new_with_options(
                    t.clone(),
                    SortOptions {
                        descending: false,
                        nulls_first: true,
                    },
                )
            })
            .collect();
        fields.extend(
            self.values
                .iter()
                .map(|f| SortField::new(f.data_type().clone())),
        );
        Ok(RowConverter::new(fields)?)
    }
}

impl AggregateUDFImpl for Pick {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _: &[DataType]) -> Result<DataType> {
        Ok(DataType::Struct(self.values.clone()))
    }

    fn accumulator(&self, _: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        Ok(Box::new(Single {
            inner: Best::new(self)?,
        }))
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        Ok(vec![Arc::new(Field::new(
            format!("{}_row", args.name),
            DataType::Binary,
            true,
        ))])
    }

    fn groups_accumulator_supported(&self, _: AccumulatorArgs) -> bool {
        true
    }

    fn create_groups_accumulator(&self, _: AccumulatorArgs) -> Result<Box<dyn GroupsAccumulator>> {
        Ok(Box::new(Best::new(self)?))
    }
}

/// The best encoded row per group (empty for a group with no rows yet).
struct Best {
    converter: RowConverter,
    n_keys: usize,
    values: Fields,
    last: bool,
    best: Vec<Vec<u8>>,
    seen: Vec<bool>,
    /// Bytes held by `best`'s rows, kept up to date (DataFusion asks after every batch).
    held: usize,
}

impl std::fmt::Debug for Best {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Best({} groups)", self.best.len())
    }
}

impl Best {
    fn new(pick: &Pick) -> Result<Best> {
        Ok(Best {
            converter: pick.converter()?,
            n_keys: pick.key_types.len(),
            values: pick.values.clone(),
            last: pick.last,
            best: Vec::new(),
            seen: Vec::new(),
            held: 0,
        })
    }

    fn resize(&mut self, groups: usize) {
        if self.best.len() < groups {
            self.best.resize_with(groups, Vec::new);
            self.seen.resize(groups, false);
        }
    }

    fn offer(&mut self, group: usize, row: &[u8]) {
        let better = !self.seen[group]
            || if self.last {
                row > self.best[group].as_slice()
            } else {
                row < self.best[group].as_slice()
            };
        if better {
            let slot = &mut self.best[group];
            let before = slot.capacity();
            slot.clear();
            slot.extend_from_slice(row);
            self.held += slot.capacity() - before;
            self.seen[group] = true;
        }
    }

    fn update(
        &mut self,
        columns: &[ArrayRef],
        groups: &[usize],
        filter: Option<&BooleanArray>,
    ) -> Result<()> {
        let rows = self.converter.convert_columns(columns)?;
        for (i, &g) in groups.iter().enumerate() {
            if filter.is_some_and(|f| !f.value(i) || f.is_null(i)) {
                continue;
            }
            self.offer(g, rows.row(i).as_ref());
        }
        Ok(())
    }

    fn merge(
        &mut self,
        states: &[ArrayRef],
        groups: &[usize],
        filter: Option<&BooleanArray>,
    ) -> Result<()> {
        let rows = states[0].as_binary::<i32>();
        for (i, &g) in groups.iter().enumerate() {
            if rows.is_null(i) || filter.is_some_and(|f| !f.value(i) || f.is_null(i)) {
                continue;
            }
            self.offer(g, rows.value(i));
        }
        Ok(())
    }

    fn take(&mut self, emit_to: EmitTo) -> (Vec<Vec<u8>>, Vec<bool>) {
        (
            emit_to.take_needed(&mut self.best),
            emit_to.take_needed(&mut self.seen),
        )
    }

    /// Decodes the chosen rows into the struct of selected values (NULL where no row).
    fn values(&self, best: &[Vec<u8>], seen: &[bool]) -> Result<ArrayRef> {
        let present: Vec<&Vec<u8>> = best
            .iter()
            .zip(seen)
            .filter(|(_, s)| **s)
            .map(|(b, _)| b)
            .collect();
        let parser = self.converter.parser();
        let decoded = self
            .converter
            .convert_rows(present.iter().map(|b| parser.parse(b)))?;
        let mut columns: Vec<ArrayRef> = decoded[self.n_keys..].to_vec();
        // Spread the present rows back over all groups, NULL for the empty ones.
        if present.len() != best.len() {
            let mut indices = Vec::with_capacity(best.len());
            let mut next = 0u32;
            for s in seen {
                if *s {
                    indices.push(Some(next));
                    next += 1;
                } else {
                    indices.push(None);
                }
            }
            let indices = arrow_array::UInt32Array::from(indices);
            columns = columns
                .iter()
                .map(|c| arrow_select::take::take(c.as_ref(), &indices, None))
                .collect::<std::result::Result<_, _>>()?;
        }
        let nulls = arrow_buffer::NullBuffer::from(seen.to_vec());
        Ok(Arc::new(StructArray::try_new(
            self.values.clone(),
            columns,
            Some(nulls),
        )?))
    }

    fn state_array(best: &[Vec<u8>], seen: &[bool]) -> ArrayRef {
        let mut b = BinaryBuilder::with_capacity(best.len(), best.iter().map(Vec::len).sum());
        for (row, s) in best.iter().zip(seen) {
            if *s {
                b.append_value(row);
            } else {
                b.append_null();
            }
        }
        Arc::new(b.finish())
    }
}

impl GroupsAccumulator for Best {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> Result<()> {
        self.resize(total_num_groups);
        self.update(values, group_indices, opt_filter)
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> Result<ArrayRef> {
        let (best, seen) = self.take(emit_to);
        self.values(&best, &seen)
    }

    fn state(&mut self, emit_to: EmitTo) -> Result<Vec<ArrayRef>> {
        let (best, seen) = self.take(emit_to);
        Ok(vec![Best::state_array(&best, &seen)])
    }

    fn merge_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        total_num_groups: usize,
    ) -> Result<()> {
        self.resize(total_num_groups);
        self.merge(values, group_indices, None)
    }

    fn convert_to_state(
        &self,
        values: &[ArrayRef],
        opt_filter: Option<&BooleanArray>,
    ) -> Result<Vec<ArrayRef>> {
        let rows = self.converter.convert_columns(values)?;
        let mut b = BinaryBuilder::with_capacity(rows.num_rows(), rows.size());
        for i in 0..rows.num_rows() {
            if opt_filter.is_some_and(|f| !f.value(i) || f.is_null(i)) {
                b.append_null();
            } else {
                b.append_value(rows.row(i).as_ref());
            }
        }
        Ok(vec![Arc::new(b.finish())])
    }

    fn size(&self) -> usize {
        self.held + self.best.capacity() * std::mem::size_of::<Vec<u8>>() + self.seen.capacity()
    }
}

/// The same for one group (DataFusion asks for it where there is no GROUP BY).
#[derive(Debug)]
struct Single {
    inner: Best,
}

impl Accumulator for Single {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        self.inner.resize(1);
        let groups = vec![0; values.first().map_or(0, |v| v.len())];
        self.inner.update(values, &groups, None)
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        self.inner.resize(1);
        let array = self.inner.values(&self.inner.best, &self.inner.seen)?;
        ScalarValue::try_from_array(&array, 0)
    }

    fn size(&self) -> usize {
        self.inner.size()
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        self.inner.resize(1);
        let array = Best::state_array(&self.inner.best, &self.inner.seen);
        Ok(vec![ScalarValue::try_from_array(&array, 0)?])
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        self.inner.resize(1);
        let groups = vec![0; states.first().map_or(0, |v| v.len())];
        self.inner.merge(states, &groups, None)
    }
}
