//! Reading a CSV (or csv.gz) table: the byte stream cut into chunks of whole records,
//! chunks parsed on two threads straight into Arrow arrays of the requested columns.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_buffer::{BooleanBufferBuilder, Buffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer};

use super::columns::{ColumnReq, Kind, TableReq};
use super::csv_chunks::{first_record_end, last_record_end, records_fast, records_quoted, Fields};
use super::values::{parse_bool, parse_date, parse_float, parse_int, text_repr};
use crate::eval::repr::str_repr;

/// About this many bytes of CSV per chunk: small enough to keep both threads busy and
/// memory flat, large enough that per-chunk overhead vanishes.
const CHUNK_BYTES: usize = 4 << 20;
const PARSE_THREADS: usize = 2;

/// Reads `path` (gzip-compressed when `gz`) into batches with `req.schema`. `name` is the
/// file as messages print it.
pub fn read_csv(
    path: &Path,
    gz: bool,
    name: &str,
    req: &TableReq,
) -> Result<Vec<RecordBatch>, String> {
    let file = File::open(path).map_err(|e| format!("'{name}': {e}"))?;
    let inner: Box<dyn Read + Send> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            1 << 16,
            file,
        )))
    } else {
        Box::new(file)
    };
    let mut chunks = ChunkReader {
        inner,
        carry: Vec::new(),
        eof: false,
        name: name.to_string(),
    };
    let header = chunks.header()?;
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    req.check_header(&header_refs)?;
    let plan = Plan {
        width: header.len(),
        targets: req
            .columns
            .iter()
            .map(|c| (header.iter().position(|h| *h == c.name), c.clone()))
            .collect(),
    };
    let results = parse_parallel(&mut chunks, &plan)?;
    // Row numbers count records after the header; each chunk's are relative to it.
    let mut rows_before = 0;
    let mut batches = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((rows, columns)) => {
                rows_before += rows;
                if rows > 0 {
                    let batch = RecordBatch::try_new(req.schema.clone(), columns)
                        .map_err(|e| format!("'{name}': {e}"))?;
                    batches.push(batch);
                }
            }
            Err(RowError::At(row, msg)) => {
                return Err(format!("'{name}', row {}: {msg}", rows_before + row))
            }
            Err(RowError::File(msg)) => return Err(format!("'{name}': {msg}")),
        }
    }
    Ok(batches)
}

struct ChunkReader {
    inner: Box<dyn Read + Send>,
    carry: Vec<u8>,
    eof: bool,
    name: String,
}

/// A run of whole records, and whether it holds any quote (which needs the slow path).
struct Chunk {
    data: Vec<u8>,
    has_quotes: bool,
}

impl ChunkReader {
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), String> {
        let start = buf.len();
        buf.resize(start + want, 0);
        let mut filled = start;
        while filled < buf.len() {
            match self.inner.read(&mut buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(format!("'{}': {e}", self.name)),
            }
        }
        buf.truncate(filled);
        Ok(())
    }

    /// The next chunk, or None at the end of the file.
    fn next_chunk(&mut self) -> Result<Option<Chunk>, String> {
        let mut buf = std::mem::take(&mut self.carry);
        let mut want = CHUNK_BYTES;
        loop {
            if !self.eof {
                self.fill(&mut buf, want)?;
            }
            if buf.is_empty() {
                return Ok(None);
            }
            let has_quotes = buf.contains(&b'"');
            if self.eof {
                return Ok(Some(Chunk {
                    data: buf,
                    has_quotes,
                }));
            }
            if let Some(end) = last_record_end(&buf, has_quotes) {
                self.carry = buf[end..].to_vec();
                buf.truncate(end);
                let has_quotes = has_quotes && buf.contains(&b'"');
                return Ok(Some(Chunk {
                    data: buf,
                    has_quotes,
                }));
            }
            // A record longer than a chunk: read on.
            want = buf.len().max(CHUNK_BYTES);
        }
    }

    /// The header record, leaving the rest of the text for the chunks.
    fn header(&mut self) -> Result<Vec<String>, String> {
        let mut buf = Vec::new();
        let mut fields = Fields::new();
        let mut scratch = Vec::new();
        loop {
            self.fill(&mut buf, 64 << 10)?;
            let end = first_record_end(&buf).or(if self.eof { Some(buf.len()) } else { None });
            if let Some(end) = end {
                let mut header = Vec::new();
                records_quoted(&buf[..end], &mut fields, &mut scratch, |b, fs| {
                    if header.is_empty() {
                        header = fs
                            .iter()
                            .map(|&(s, e)| String::from_utf8_lossy(&b[s..e]).into_owned())
                            .collect();
                    }
                    Ok::<(), ()>(())
                })
                .ok();
                self.carry = buf[end..].to_vec();
                return Ok(header);
            }
        }
    }
}

/// Where each output column comes from: its index in the header (None: absent, NULL).
struct Plan {
    width: usize,
    targets: Vec<(Option<usize>, ColumnReq)>,
}

enum RowError {
    /// At a record (1-based, relative to its chunk).
    At(usize, String),
    File(String),
}

type ChunkResult = Result<(usize, Vec<ArrayRef>), RowError>;

fn parse_parallel(chunks: &mut ChunkReader, plan: &Plan) -> Result<Vec<ChunkResult>, String> {
    let failed = AtomicBool::new(false);
    let (job_tx, job_rx) = sync_channel::<(usize, Chunk)>(PARSE_THREADS);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = channel::<(usize, ChunkResult)>();
    let read_result = std::thread::scope(|s| {
        for _ in 0..PARSE_THREADS {
            let job_rx = Arc::clone(&job_rx);
            let res_tx = res_tx.clone();
            let failed = &failed;
            s.spawn(move || worker(&job_rx, &res_tx, plan, failed));
        }
        drop(res_tx);
        let mut n = 0;
        let result = loop {
            if failed.load(Ordering::Relaxed) {
                break Ok(());
            }
            match chunks.next_chunk() {
                Ok(Some(chunk)) => {
                    if job_tx.send((n, chunk)).is_err() {
                        break Ok(());
                    }
                    n += 1;
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        drop(job_tx);
        result
    });
    read_result?;
    let mut results: Vec<(usize, ChunkResult)> = res_rx.into_iter().collect();
    results.sort_by_key(|(i, _)| *i);
    // After a failure later chunks may be missing; everything up to the first error is
    // there, which is all the caller needs.
    Ok(results.into_iter().map(|(_, r)| r).collect())
}

fn worker(
    jobs: &Mutex<Receiver<(usize, Chunk)>>,
    results: &std::sync::mpsc::Sender<(usize, ChunkResult)>,
    plan: &Plan,
    failed: &AtomicBool,
) {
    loop {
        let job = jobs.lock().map(|rx| rx.recv());
        let Ok(Ok((n, chunk))) = job else { return };
        let result = parse_chunk(&chunk, plan);
        if result.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        if results.send((n, result)).is_err() {
            return;
        }
    }
}

fn parse_chunk(chunk: &Chunk, plan: &Plan) -> ChunkResult {
    let estimate = chunk.data.len() / 48 + 16;
    let mut builders: Vec<ColumnBuilder> = plan
        .targets
        .iter()
        .map(|(_, c)| ColumnBuilder::new(c.kind, estimate))
        .collect();
    let mut fields = Fields::with_capacity(plan.width + 1);
    let mut row = 0;
    let mut on_record = |buf: &[u8], fs: &[(usize, usize)]| -> Result<(), RowError> {
        row += 1;
        push_record(plan, &mut builders, buf, fs).map_err(|m| RowError::At(row, m))
    };
    if chunk.has_quotes {
        let mut scratch = Vec::new();
        records_quoted(&chunk.data, &mut fields, &mut scratch, &mut on_record)?;
    } else {
        records_fast(&chunk.data, &mut fields, &mut on_record)?;
    }
    let columns = builders
        .into_iter()
        .zip(&plan.targets)
        .map(|(b, (_, c))| {
            b.finish()
                .map_err(|e| RowError::File(format!("column {}: {e}", str_repr(&c.name))))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((row, columns))
}

#[inline]
fn push_record(
    plan: &Plan,
    builders: &mut [ColumnBuilder],
    buf: &[u8],
    fields: &[(usize, usize)],
) -> Result<(), String> {
    if fields.len() != plan.width {
        return Err(format!(
            "expected {} columns but got {}",
            plan.width,
            fields.len()
        ));
    }
    for ((source, req), builder) in plan.targets.iter().zip(builders.iter_mut()) {
        let Some(i) = *source else {
            builder.push_null();
            continue;
        };
        let (s, e) = fields[i];
        let text = &buf[s..e];
        if text.is_empty() {
            if !req.nullable {
                return Err(format!(
                    "NULL value in non-nullable column {}",
                    str_repr(&req.name)
                ));
            }
            builder.push_null();
            continue;
        }
        builder
            .push(text, req)
            .map_err(|m| format!("column {}: {m}", str_repr(&req.name)))?;
    }
    Ok(())
}

/// A growing Arrow column of one kind.
enum ColumnBuilder {
    Int(Vec<i64>, NullBufferBuilder),
    Float(Vec<f64>, NullBufferBuilder),
    Date(Vec<i32>, NullBufferBuilder),
    Bool(BooleanBufferBuilder, NullBufferBuilder),
    Str(Vec<i32>, Vec<u8>, NullBufferBuilder),
}

impl ColumnBuilder {
    fn new(kind: Kind, rows: usize) -> ColumnBuilder {
        let nulls = NullBufferBuilder::new(rows);
        match kind {
            Kind::Int => ColumnBuilder::Int(Vec::with_capacity(rows), nulls),
            Kind::Float => ColumnBuilder::Float(Vec::with_capacity(rows), nulls),
            Kind::Date => ColumnBuilder::Date(Vec::with_capacity(rows), nulls),
            Kind::Bool => ColumnBuilder::Bool(BooleanBufferBuilder::new(rows), nulls),
            Kind::Str => {
                let mut offsets = Vec::with_capacity(rows + 1);
                offsets.push(0);
                ColumnBuilder::Str(offsets, Vec::with_capacity(rows * 8), nulls)
            }
        }
    }

    fn push_null(&mut self) {
        match self {
            ColumnBuilder::Int(v, n) => {
                v.push(0);
                n.append_null();
            }
            ColumnBuilder::Float(v, n) => {
                v.push(0.0);
                n.append_null();
            }
            ColumnBuilder::Date(v, n) => {
                v.push(0);
                n.append_null();
            }
            ColumnBuilder::Bool(v, n) => {
                v.append(false);
                n.append_null();
            }
            ColumnBuilder::Str(o, d, n) => {
                o.push(d.len() as i32);
                n.append_null();
            }
        }
    }

    /// Converts and appends non-empty cell text, checking categories.
    #[inline]
    fn push(&mut self, text: &[u8], req: &ColumnReq) -> Result<(), String> {
        let cats = req.categories.as_ref();
        let not_in = || {
            format!(
                "{} not in valid categories: {}",
                text_repr(text),
                cats.map(|c| c.repr_list()).unwrap_or_default()
            )
        };
        match self {
            ColumnBuilder::Int(v, n) => {
                let x = parse_int(text)?;
                if cats.is_some_and(|c| !c.has_int(x)) {
                    return Err(not_in());
                }
                v.push(x);
                n.append_non_null();
            }
            ColumnBuilder::Float(v, n) => {
                let x = parse_float(text)?;
                if cats.is_some_and(|c| !c.has_float(x)) {
                    return Err(not_in());
                }
                v.push(x);
                n.append_non_null();
            }
            ColumnBuilder::Date(v, n) => {
                let x = parse_date(text)?;
                if cats.is_some_and(|c| !c.has_date(x)) {
                    return Err(not_in());
                }
                v.push(x);
                n.append_non_null();
            }
            ColumnBuilder::Bool(v, n) => {
                let x = parse_bool(text)?;
                if cats.is_some_and(|c| !c.has_bool(x)) {
                    return Err(not_in());
                }
                v.append(x);
                n.append_non_null();
            }
            ColumnBuilder::Str(o, d, n) => {
                if cats.is_some_and(|c| !c.has_str(text)) {
                    return Err(not_in());
                }
                d.extend_from_slice(text);
                o.push(d.len() as i32);
                n.append_non_null();
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<ArrayRef, String> {
        Ok(match self {
            ColumnBuilder::Int(v, mut n) => Arc::new(Int64Array::new(v.into(), n.finish())),
            ColumnBuilder::Float(v, mut n) => Arc::new(Float64Array::new(v.into(), n.finish())),
            ColumnBuilder::Date(v, mut n) => Arc::new(Date32Array::new(v.into(), n.finish())),
            ColumnBuilder::Bool(mut v, mut n) => {
                Arc::new(BooleanArray::new(v.finish(), n.finish()))
            }
            ColumnBuilder::Str(o, d, mut n) => {
                // Validates UTF-8 (once per chunk, vectorised) and the offsets.
                let offsets = OffsetBuffer::new(ScalarBuffer::from(o));
                let array = StringArray::try_new(offsets, Buffer::from_vec(d), n.finish())
                    .map_err(|_| "text is not valid UTF-8".to_string())?;
                Arc::new(array)
            }
        })
    }
}
