//! Reading a CSV (or csv.gz) table: the byte stream cut into chunks of whole records,
//! chunks parsed on two threads straight into Arrow arrays of the requested columns.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use arrow_array::{new_null_array, RecordBatch};
use arrow_schema::SchemaRef;

use super::columns::{ColumnReq, TableReq};
use super::csv_chunks::{
    first_record_end, last_record_end, records_quoted, split_unquoted, Fields,
};
use super::csv_convert::{convert_column, Cells, ColumnError};
use crate::engine::{EngineError, RowFilter};
use crate::eval::repr::str_repr;

/// About this many bytes of CSV per chunk: small enough to keep both threads busy and
/// memory flat, large enough that per-chunk overhead vanishes.
const CHUNK_BYTES: usize = 4 << 20;
const PARSE_THREADS: usize = 2;

/// Reads `path` (gzip-compressed when `gz`) into batches with `req.schema`, keeping only
/// the rows `keep` returns (applied to each chunk as it is parsed, so rows the engine
/// does not want are never all held at once). `name` is the file as messages print it.
pub fn read_csv(
    path: &Path,
    gz: bool,
    name: &str,
    req: &TableReq,
    keep: Option<RowFilter>,
) -> Result<Vec<RecordBatch>, EngineError> {
    let input = |m: String| EngineError::Input(m);
    let file = File::open(path).map_err(|e| input(format!("'{name}': {e}")))?;
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
    let header = chunks.header().map_err(input)?;
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    req.check_header(&header_refs).map_err(input)?;
    let plan = Plan {
        schema: req.schema.clone(),
        keep,
        width: header.len(),
        targets: req
            .columns
            .iter()
            .map(|c| (header.iter().position(|h| *h == c.name), c.clone()))
            .collect(),
    };
    let results = parse_parallel(&mut chunks, &plan).map_err(input)?;
    // Row numbers count records after the header; each chunk's are relative to it.
    let mut rows_before = 0;
    let mut batches = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((rows, batch)) => {
                rows_before += rows;
                if batch.num_rows() > 0 {
                    batches.push(batch);
                }
            }
            Err(RowError::At(row, msg)) => {
                return Err(input(format!("'{name}', row {}: {msg}", rows_before + row)))
            }
            Err(RowError::File(msg)) => return Err(input(format!("'{name}': {msg}"))),
            Err(RowError::Filter(e)) => return Err(e),
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
    /// Appends up to `want` bytes to `buf` (fewer only at the end of the file).
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> Result<(), String> {
        buf.reserve(want);
        let read = (&mut self.inner)
            .take(want as u64)
            .read_to_end(buf)
            .map_err(|e| format!("'{}': {e}", self.name))?;
        if read < want {
            self.eof = true;
        }
        Ok(())
    }

    /// The next chunk, or None at the end of the file.
    /// `spare` is an emptied buffer from an earlier chunk, reused to spare the allocator
    /// (and the kernel's page faults) a fresh 4 MB per chunk.
    fn next_chunk(&mut self, spare: Option<Vec<u8>>) -> Result<Option<Chunk>, String> {
        let mut buf = spare.unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(&self.carry);
        self.carry.clear();
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
                self.carry.clear();
                self.carry.extend_from_slice(&buf[end..]);
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
struct Plan<'a> {
    schema: SchemaRef,
    keep: Option<RowFilter<'a>>,
    width: usize,
    targets: Vec<(Option<usize>, ColumnReq)>,
}

enum RowError {
    /// At a record (1-based, relative to its chunk).
    At(usize, String),
    File(String),
    /// From the caller's row filter.
    Filter(EngineError),
}

/// A parsed chunk: its number of records and the batch of rows kept.
type ChunkResult = Result<(usize, RecordBatch), RowError>;

fn parse_parallel(chunks: &mut ChunkReader, plan: &Plan) -> Result<Vec<ChunkResult>, String> {
    let failed = AtomicBool::new(false);
    let (job_tx, job_rx) = sync_channel::<(usize, Chunk)>(PARSE_THREADS);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = channel::<(usize, ChunkResult)>();
    let (spare_tx, spare_rx) = channel::<Vec<u8>>();
    let read_result = std::thread::scope(|s| {
        for _ in 0..PARSE_THREADS {
            let job_rx = Arc::clone(&job_rx);
            let res_tx = res_tx.clone();
            let spare_tx = spare_tx.clone();
            let failed = &failed;
            s.spawn(move || worker(&job_rx, &res_tx, &spare_tx, plan, failed));
        }
        drop(res_tx);
        drop(spare_tx);
        let mut n = 0;
        let result = loop {
            if failed.load(Ordering::Relaxed) {
                break Ok(());
            }
            match chunks.next_chunk(spare_rx.try_recv().ok()) {
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
    results: &Sender<(usize, ChunkResult)>,
    spares: &Sender<Vec<u8>>,
    plan: &Plan,
    failed: &AtomicBool,
) {
    // Kept across chunks so their memory is reused.
    let mut bounds = Vec::new();
    let mut scratch = Vec::new();
    loop {
        let job = jobs.lock().map(|rx| rx.recv());
        let Ok(Ok((n, chunk))) = job else { return };
        let result = parse_chunk(&chunk, plan, &mut bounds, &mut scratch);
        if result.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        let _ = spares.send(chunk.data);
        if results.send((n, result)).is_err() {
            return;
        }
    }
}

/// Parses a chunk in two passes: records are split into field bounds (checking each has
/// the header's width), then each requested column is converted in its own tight loop.
/// The error reported is the reference's: the first bad row, and in it the first bad
/// column in spec order (a wrong width comes before any column).
fn parse_chunk(
    chunk: &Chunk,
    plan: &Plan,
    bounds: &mut Vec<u32>,
    scratch: &mut Vec<u8>,
) -> ChunkResult {
    if chunk.data.len() >= u32::MAX as usize {
        return Err(RowError::File("a record is too long (4 GB or more)".into()));
    }
    let width = plan.width;
    bounds.clear();
    scratch.clear();
    let mut rows = 0;
    let mut width_error = None;
    let mut check = |n: usize| {
        if n != width {
            width_error = Some(RowError::At(
                rows + 1,
                format!("expected {width} columns but got {n}"),
            ));
            return false;
        }
        rows += 1;
        true
    };
    let text: &[u8] = if chunk.has_quotes {
        let mut fields = Fields::with_capacity(width + 1);
        let _ = records_quoted(&chunk.data, &mut fields, scratch, |_, fs| {
            if !check(fs.len()) {
                return Err(());
            }
            for &(s, e) in fs {
                bounds.push(s as u32);
                bounds.push(e as u32);
            }
            Ok(())
        });
        scratch
    } else {
        split_unquoted(&chunk.data, bounds, check);
        &chunk.data
    };
    let cells = Cells {
        text,
        bounds,
        width,
        rows,
    };
    let mut columns = Vec::with_capacity(plan.targets.len());
    let mut first_error: Option<(usize, String)> = None;
    for (source, req) in &plan.targets {
        let converted = match *source {
            None => Ok(new_null_array(&req.kind.arrow_type(), rows)),
            Some(i) => convert_column(&cells, i, req),
        };
        match converted {
            Ok(array) => columns.push(array),
            Err(ColumnError::At(row, msg)) => {
                if first_error.as_ref().is_none_or(|(r, _)| row < *r) {
                    first_error = Some((row, format!("column {}: {msg}", str_repr(&req.name))));
                }
            }
            Err(ColumnError::Null(row)) => {
                if first_error.as_ref().is_none_or(|(r, _)| row < *r) {
                    let msg = format!("NULL value in non-nullable column {}", str_repr(&req.name));
                    first_error = Some((row, msg));
                }
            }
            Err(ColumnError::Invalid(msg)) => {
                return Err(RowError::File(format!(
                    "column {}: {msg}",
                    str_repr(&req.name)
                )))
            }
        }
    }
    if let Some((row, msg)) = first_error {
        return Err(RowError::At(row, msg));
    }
    if let Some(e) = width_error {
        return Err(e);
    }
    let batch = RecordBatch::try_new(plan.schema.clone(), columns)
        .map_err(|e| RowError::File(e.to_string()))?;
    match plan.keep {
        Some(keep) => Ok((rows, keep(&batch).map_err(RowError::Filter)?)),
        None => Ok((rows, batch)),
    }
}
