//! `os` and `os.path`: path-string helpers, read-only existence checks inside the project,
//! allow-listed environment variables; anything that runs, writes or deletes is refused.

use super::{add_functions, set};
use crate::eval::builtins::{arity, str_arg};
use crate::eval::error::{exception, type_error, PyResult};
use crate::eval::interp::Interpreter;
use crate::eval::value::{Args, Key, Namespace, Value};

/// `os` functions a definition has no business calling.
const REFUSED: &[&str] = &[
    "system",
    "popen",
    "remove",
    "unlink",
    "rmdir",
    "removedirs",
    "mkdir",
    "makedirs",
    "rename",
    "replace",
    "chdir",
    "chmod",
    "chown",
    "kill",
    "execv",
    "execvp",
    "execl",
    "spawnv",
    "fork",
    "putenv",
    "unsetenv",
    "symlink",
    "link",
    "truncate",
    "startfile",
];

pub fn init(it: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    set(ns, "sep", Value::str("/"));
    set(ns, "name", Value::str("posix"));
    set(ns, "linesep", Value::str("\n"));
    let environ = it
        .config
        .env
        .iter()
        .map(|(k, v)| (Key(Value::str(k)), Value::str(v)))
        .collect();
    set(ns, "environ", Value::dict(environ));
    add_functions(
        ns,
        &[
            ("getcwd", |it, _| {
                Ok(Value::str(&it.sandbox.root().to_string_lossy()))
            }),
            ("getenv", |it, a| {
                arity("getenv", &a, 1, 2)?;
                let k = str_arg(&a.pos[0], "str expected, not")?;
                let found = it
                    .config
                    .env
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| Value::str(v));
                Ok(found.unwrap_or_else(|| a.pos.get(1).cloned().unwrap_or(Value::None)))
            }),
            ("listdir", listdir),
        ],
    );
    for name in REFUSED {
        set(ns, name, Value::builtin(name, refused));
    }
    let path = it.import_module("os.path")?;
    set(ns, "path", Value::Module(path));
    Ok(())
}

fn refused(_: &mut Interpreter, _: Args) -> PyResult<Value> {
    Err(exception(
        "PermissionError",
        "definitions cannot run commands or create, change or delete files",
    ))
}

fn listdir(it: &mut Interpreter, args: Args) -> PyResult<Value> {
    arity("listdir", &args, 0, 1)?;
    let p = match args.pos.first() {
        Some(v) => str_arg(v, "listdir: path should be string, not")?.to_string(),
        None => ".".into(),
    };
    let dir = it.sandbox.resolve(&p)?;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| exception("OSError", e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

/// `os.path` string functions follow POSIX `posixpath`.
pub fn init_path(_: &mut Interpreter, ns: &Namespace) -> PyResult<()> {
    set(ns, "sep", Value::str("/"));
    add_functions(
        ns,
        &[
            ("join", |it, a| {
                if a.pos.is_empty() {
                    return Err(type_error(
                        "join() missing 1 required positional argument: 'a'",
                    ));
                }
                let parts: Vec<String> = a
                    .pos
                    .iter()
                    .map(|v| path_str(it, v))
                    .collect::<PyResult<_>>()?;
                Ok(Value::str(&join(&parts)))
            }),
            ("dirname", |it, a| one(it, a, |p| dirname(p).to_string())),
            ("basename", |it, a| {
                one(it, a, |p| {
                    p[p.rfind('/').map_or(0, |i| i + 1)..].to_string()
                })
            }),
            ("splitext", |it, a| {
                arity("splitext", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                let (root, ext) = splitext(&p);
                Ok(Value::tuple(vec![Value::str(root), Value::str(ext)]))
            }),
            ("split", |it, a| {
                arity("split", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                let i = p.rfind('/').map_or(0, |i| i + 1);
                Ok(Value::tuple(vec![
                    Value::str(dirname(&p)),
                    Value::str(&p[i..]),
                ]))
            }),
            ("normpath", |it, a| one(it, a, normpath)),
            ("abspath", |it, a| {
                arity("abspath", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                let root = it.sandbox.root().to_string_lossy().into_owned();
                Ok(Value::str(&normpath(&join(&[root, p]))))
            }),
            ("isabs", |it, a| {
                arity("isabs", &a, 1, 1)?;
                Ok(Value::Bool(path_str(it, &a.pos[0])?.starts_with('/')))
            }),
            ("exists", |it, a| {
                arity("exists", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                Ok(Value::Bool(it.sandbox.exists(&p)))
            }),
            ("isfile", |it, a| {
                arity("isfile", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                Ok(Value::Bool(
                    it.sandbox.resolve(&p).is_ok_and(|c| c.is_file()),
                ))
            }),
            ("isdir", |it, a| {
                arity("isdir", &a, 1, 1)?;
                let p = path_str(it, &a.pos[0])?;
                Ok(Value::Bool(
                    it.sandbox.resolve(&p).is_ok_and(|c| c.is_dir()),
                ))
            }),
        ],
    );
    Ok(())
}

fn path_str(it: &mut Interpreter, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Native(n) if n.type_name().ends_with("Path") => n.clone().str(it),
        Value::Instance(_) if it.has_dunder(v, "__fspath__") => {
            let p = it.call_method(v, "__fspath__", Args::default())?;
            it.to_str(&p)
        }
        _ => Err(type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            v.type_name()
        ))),
    }
}

fn one(it: &mut Interpreter, a: Args, f: impl Fn(&str) -> String) -> PyResult<Value> {
    arity("path function", &a, 1, 1)?;
    let p = path_str(it, &a.pos[0])?;
    Ok(Value::str(&f(&p)))
}

pub fn join(parts: &[String]) -> String {
    let mut path = parts[0].clone();
    for b in &parts[1..] {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

pub fn dirname(p: &str) -> &str {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let head = &p[..i];
    if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    }
}

pub fn splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map(|i| i as isize).unwrap_or(-1);
    if let Some(dot) = p.rfind('.') {
        if dot as isize > sep {
            let start = (sep + 1) as usize;
            if p[start..dot].chars().any(|c| c != '.') {
                return (&p[..dot], &p[dot..]);
            }
        }
    }
    (p, "")
}

pub fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let absolute = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for comp in p.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            c => parts.push(c),
        }
    }
    let body = parts.join("/");
    match (absolute, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}
