//! File formats by extension, and paths printed the way the reference prints them.

use std::path::{Path, PathBuf};

/// A table file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileFormat {
    Arrow,
    Csv,
    CsvGz,
    Parquet,
}

impl FileFormat {
    /// Every format, in the order the reference lists its own (Parquet, ours, last).
    pub const ALL: [FileFormat; 4] = [
        FileFormat::Arrow,
        FileFormat::Csv,
        FileFormat::CsvGz,
        FileFormat::Parquet,
    ];

    /// The extension with its dot: `.csv.gz`.
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Arrow => ".arrow",
            FileFormat::Csv => ".csv",
            FileFormat::CsvGz => ".csv.gz",
            FileFormat::Parquet => ".parquet",
        }
    }

    pub fn from_extension(ext: &str) -> Option<FileFormat> {
        FileFormat::ALL.into_iter().find(|f| f.extension() == ext)
    }
}

/// A file's extension as the reference sees it: the last suffix, or the last two when the
/// last is `.gz` (`x.csv.gz` → `.csv.gz`). Empty when there is none.
pub fn file_extension(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let suffixes = suffixes(name);
    match suffixes.last() {
        Some(last) if last == ".gz" => suffixes[suffixes.len().saturating_sub(2)..].concat(),
        Some(last) => last.clone(),
        None => String::new(),
    }
}

/// Python's `PurePath.suffixes`: a leading dot does not start a suffix, and a name ending
/// in a dot has none.
fn suffixes(name: &str) -> Vec<String> {
    if name.ends_with('.') {
        return vec![];
    }
    let trimmed = name.trim_start_matches('.');
    let mut parts = trimmed.split('.');
    parts.next();
    parts.map(|p| format!(".{p}")).collect()
}

/// A path as Python's `pathlib` prints it: no `.` components, no repeated or trailing
/// slashes. Messages name files this way so they match the reference's.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let absolute = s.starts_with('/');
    let parts: Vec<&str> = s
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// The file for table `name` in a directory: the name URL-quoted (every byte outside
/// `A-Za-z0-9_.-~` escaped, as Python's `quote(name, safe="")` does) plus the extension.
pub fn table_file(dir: &Path, name: &str, format: FileFormat) -> PathBuf {
    let mut quoted = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"_.-~".contains(&b) {
            quoted.push(b as char);
        } else {
            quoted.push_str(&format!("%{b:02X}"));
        }
    }
    dir.join(format!("{quoted}{}", format.extension()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(file_extension(Path::new("a/b.csv.gz")), ".csv.gz");
        assert_eq!(file_extension(Path::new("a/b.x.csv")), ".csv");
        assert_eq!(file_extension(Path::new("a/b")), "");
        assert_eq!(file_extension(Path::new(".gz")), "");
        assert_eq!(file_extension(Path::new("x.gz")), ".gz");
    }

    #[test]
    fn paths_print_like_pathlib() {
        assert_eq!(display_path(Path::new("./dummy//t.csv")), "dummy/t.csv");
        assert_eq!(display_path(Path::new("/tmp/x/")), "/tmp/x");
        assert_eq!(display_path(Path::new("./")), ".");
        assert_eq!(
            table_file(Path::new("d"), "a b/c", FileFormat::Csv),
            PathBuf::from("d/a%20b%2Fc.csv")
        );
    }
}
