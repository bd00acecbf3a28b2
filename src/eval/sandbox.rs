//! The sandbox: read-only file access under the project root, and `open()` file objects.
//!
//! Paths are resolved against the project root (the reference runs with cwd = the repo),
//! canonicalised (so symlinks and `..` are resolved) and refused unless the result lies under
//! the canonical root. Nothing can be written: any mode other than reading is refused.

use std::any::Any;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::error::{exception, PyResult};
use super::interp::Interpreter;
use super::value::{Args, NativeObject, Value};

pub struct Sandbox {
    root: PathBuf,
}

impl Sandbox {
    pub fn new(root: &Path) -> Sandbox {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        Sandbox { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The canonical path of `path` (relative to the root), if it exists inside the root.
    pub fn resolve(&self, path: &str) -> PyResult<PathBuf> {
        let p = Path::new(path);
        let joined = if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.root.join(p)
        };
        let canonical = match joined.canonicalize() {
            Ok(c) => c,
            Err(_) => {
                // Say "outside" rather than "missing" for paths that lexically escape the root.
                if !lexically_inside(&self.root, &joined) {
                    return Err(outside(path));
                }
                return Err(exception(
                    "FileNotFoundError",
                    format!(
                        "[Errno 2] No such file or directory: {}",
                        super::repr::str_repr(path)
                    ),
                ));
            }
        };
        if !canonical.starts_with(&self.root) {
            return Err(outside(path));
        }
        Ok(canonical)
    }

    /// Whether `path` exists inside the root (for `os.path.exists`, `Path.exists`).
    pub fn exists(&self, path: &str) -> bool {
        self.resolve(path).is_ok()
    }

    pub fn read_to_string(&self, path: &str) -> PyResult<(PathBuf, String)> {
        let canonical = self.resolve(path)?;
        if canonical.is_dir() {
            return Err(exception(
                "IsADirectoryError",
                format!("[Errno 21] Is a directory: {}", super::repr::str_repr(path)),
            ));
        }
        let bytes = std::fs::read(&canonical)
            .map_err(|e| exception("OSError", format!("{e}: {}", super::repr::str_repr(path))))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok((canonical, text))
    }
}

fn outside(path: &str) -> super::error::PyErr {
    exception(
        "PermissionError",
        format!(
            "{} is outside the project directory; definitions can only read files inside it",
            super::repr::str_repr(path)
        ),
    )
}

fn lexically_inside(root: &Path, p: &Path) -> bool {
    let mut parts: Vec<std::path::Component> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            c => parts.push(c),
        }
    }
    parts.iter().collect::<PathBuf>().starts_with(root)
}

/// `open(path, mode)`: only reading is allowed.
pub fn open_file(it: &mut Interpreter, path: &str, mode: &str) -> PyResult<Value> {
    if mode.chars().any(|c| matches!(c, 'w' | 'a' | 'x' | '+')) {
        return Err(exception(
            "PermissionError",
            format!(
                "open() in mode {} is refused: definitions can only read files",
                super::repr::str_repr(mode)
            ),
        ));
    }
    if let Some(c) = mode.chars().find(|c| !matches!(c, 'r' | 'b' | 't')) {
        return Err(super::error::value_error(format!(
            "invalid mode: '{mode}' ('{c}' is not a valid mode character)"
        )));
    }
    let (_, text) = it.sandbox.read_to_string(path)?;
    it.charge(text.len())?;
    Ok(Value::Native(Rc::new(File {
        name: path.to_string(),
        text,
        pos: RefCell::new(0),
        closed: RefCell::new(false),
    })))
}

/// A file opened for reading; its whole text is read up front (files are small configs).
pub struct File {
    pub name: String,
    pub text: String,
    pos: RefCell<usize>,
    closed: RefCell<bool>,
}

impl File {
    fn rest(&self) -> PyResult<String> {
        if *self.closed.borrow() {
            return Err(super::error::value_error("I/O operation on closed file."));
        }
        let mut pos = self.pos.borrow_mut();
        let s = self.text[*pos..].to_string();
        *pos = self.text.len();
        Ok(s)
    }

    fn readline(&self) -> String {
        let mut pos = self.pos.borrow_mut();
        let rest = &self.text[*pos..];
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        *pos += end;
        rest[..end].to_string()
    }

    fn lines(&self) -> PyResult<Vec<Value>> {
        let rest = self.rest()?;
        Ok(rest.split_inclusive('\n').map(Value::str).collect())
    }
}

impl NativeObject for File {
    fn type_name(&self) -> &str {
        "TextIOWrapper"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(
        &self,
        _this: &Value,
        name: &str,
        _it: &mut Interpreter,
    ) -> Option<PyResult<Value>> {
        match name {
            "name" => Some(Ok(Value::str(&self.name))),
            "closed" => Some(Ok(Value::Bool(*self.closed.borrow()))),
            _ => None,
        }
    }
    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "read" | "readline" | "readlines" | "close" | "__enter__" | "__exit__" | "__iter__"
        )
    }
    fn call_method(
        &self,
        this: &Value,
        name: &str,
        _args: Args,
        _it: &mut Interpreter,
    ) -> PyResult<Value> {
        match name {
            "read" => Ok(Value::str(&self.rest()?)),
            "readline" => Ok(Value::str(&self.readline())),
            "readlines" => Ok(Value::list(self.lines()?)),
            "close" | "__exit__" => {
                *self.closed.borrow_mut() = true;
                Ok(Value::None)
            }
            "__enter__" | "__iter__" => Ok(this.clone()),
            _ => Err(super::error::attribute_error(format!(
                "'TextIOWrapper' object has no attribute '{name}'"
            ))),
        }
    }
    fn iter(&self, _this: &Value, _it: &mut Interpreter) -> Option<PyResult<Vec<Value>>> {
        Some(self.lines())
    }
    fn repr(&self, _it: &mut Interpreter) -> PyResult<String> {
        Ok(format!(
            "<_io.TextIOWrapper name={} mode='r' encoding='UTF-8'>",
            super::repr::str_repr(&self.name)
        ))
    }
}
