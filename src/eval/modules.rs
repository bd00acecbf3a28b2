//! Modules: the built-in registry (native or embedded Python), local files and packages,
//! `import` / `from ... import` (including `*` and relative forms), caching and cycles.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::diagnostics::{SourceFile, Span};
use crate::syntax::ast::{Alias, DottedName, ImportNames};

use super::error::{exception, PyErr, PyResult};
use super::interp::{Frame, Interpreter};
use super::value::{new_namespace, Args, Module, Namespace, Value};

/// A module built into the binary.
#[derive(Clone, Copy)]
pub enum BuiltinModule {
    /// Fills the module namespace from Rust.
    Native(fn(&mut Interpreter, &Namespace) -> PyResult<()>),
    /// Python source embedded in the binary, run like a local module.
    Python(&'static str),
}

#[derive(Default)]
pub struct ModuleState {
    pub cache: HashMap<String, Rc<Module>>,
    /// Modules being executed, outermost first (for cycle errors).
    pub loading: Vec<String>,
    /// The folder of the definition being run, searched before the project root.
    pub main_dir: Option<PathBuf>,
    /// Built-in modules registered at run time (issue 4 registers `ehrql.*` here).
    pub registered: HashMap<String, BuiltinModule>,
}

/// Modules studies sometimes import that the sandbox deliberately does not provide.
const REFUSED: &[&str] = &[
    "subprocess",
    "socket",
    "shutil",
    "pandas",
    "numpy",
    "requests",
    "urllib",
    "http",
    "ctypes",
    "multiprocessing",
    "threading",
    "pickle",
    "sqlite3",
    "tempfile",
    "glob",
];

impl Interpreter {
    /// Registers a built-in module under a dotted name (parents must be registered too).
    pub fn register_module(&mut self, name: &str, module: BuiltinModule) {
        self.modules.registered.insert(name.to_string(), module);
    }

    /// Imports a module by absolute dotted name, importing its parents first.
    pub fn import_module(&mut self, name: &str) -> PyResult<Rc<Module>> {
        let parts: Vec<&str> = name.split('.').collect();
        let mut module = None;
        for i in 1..=parts.len() {
            let prefix = parts[..i].join(".");
            // A package still running its `__init__` may import its own submodules (as in
            // Python): a parent found in the cache is used even while it is loading.
            let cached_parent = if i < parts.len() {
                self.modules.cache.get(&prefix).cloned()
            } else {
                None
            };
            let m = match cached_parent {
                Some(m) => m,
                None => self.import_one(&prefix)?,
            };
            if let Some(parent) = &module {
                let parent: &Rc<Module> = parent;
                parent
                    .globals
                    .borrow_mut()
                    .entry(Rc::from(parts[i - 1]))
                    .or_insert(Value::Module(m.clone()));
            }
            module = Some(m);
        }
        Ok(module.expect("non-empty module name"))
    }

    fn import_one(&mut self, name: &str) -> PyResult<Rc<Module>> {
        if let Some(m) = self.modules.cache.get(name) {
            // A package's own modules may import it while it runs (as in Python); any other
            // import of a module that is still running is a cycle.
            let is_package = matches!(m.globals.borrow().get("__package__"), Some(Value::Str(p)) if &**p == name);
            if !is_package && self.modules.loading.iter().any(|l| l == name) {
                let mut chain: Vec<String> = self
                    .modules
                    .loading
                    .iter()
                    .skip_while(|l| *l != name)
                    .cloned()
                    .collect();
                chain.push(name.to_string());
                return Err(exception(
                    "ImportError",
                    format!(
                        "import cycle: {} (modules cannot import each other)",
                        chain.join(" -> ")
                    ),
                ));
            }
            return Ok(m.clone());
        }
        let builtin = self
            .modules
            .registered
            .get(name)
            .copied()
            .or_else(|| super::stdlib::lookup(name));
        if let Some(b) = builtin {
            return match b {
                BuiltinModule::Native(init) => {
                    let globals = new_namespace();
                    globals
                        .borrow_mut()
                        .insert(Rc::from("__name__"), Value::str(name));
                    let m = Rc::new(Module {
                        name: Rc::from(name),
                        file: None,
                        globals: globals.clone(),
                    });
                    self.modules.cache.insert(name.to_string(), m.clone());
                    init(self, &globals)?;
                    Ok(m)
                }
                BuiltinModule::Python(src) => {
                    let display = format!("<{}.py>", name.replace('.', "/"));
                    self.exec_source_module(name, PathBuf::from(display), src.to_string(), false)
                }
            };
        }
        if let Some((path, is_package)) = self.find_local(name) {
            let text = if path.is_dir() {
                String::new()
            } else {
                self.sandbox.read_to_string(&path.to_string_lossy())?.1
            };
            return self.exec_source_module(name, path, text, is_package);
        }
        let mut err = exception("ModuleNotFoundError", format!("No module named '{name}'"));
        if let Value::Instance(i) = &err.0.exc {
            i.attrs
                .borrow_mut()
                .insert(Rc::from("name"), Value::str(name));
        }
        let top = name.split('.').next().unwrap_or(name);
        if REFUSED.contains(&top) || super::stdlib::is_known_parent(top) {
            err = err.with_help(format!(
                "`{top}` is not available to definitions: the evaluator provides only the standard modules studies use"
            ));
        }
        Err(err)
    }

    fn find_local(&self, name: &str) -> Option<(PathBuf, bool)> {
        let rel: PathBuf = name.split('.').collect();
        let mut dirs = Vec::new();
        if let Some(d) = &self.modules.main_dir {
            dirs.push(d.clone());
        }
        dirs.push(self.sandbox.root().to_path_buf());
        for d in dirs {
            let file = d.join(&rel).with_extension("py");
            if file.is_file() && self.sandbox.resolve(&file.to_string_lossy()).is_ok() {
                return Some((file, false));
            }
            let init = d.join(&rel).join("__init__.py");
            if init.is_file() && self.sandbox.resolve(&init.to_string_lossy()).is_ok() {
                return Some((init, true));
            }
            // A folder without __init__.py is a namespace package, as in Python 3.
            let dir = d.join(&rel);
            if dir.is_dir() && self.sandbox.resolve(&dir.to_string_lossy()).is_ok() {
                return Some((dir, true));
            }
        }
        None
    }

    /// Parses and runs module source under `name`, caching the module before it runs.
    pub(crate) fn exec_source_module(
        &mut self,
        name: &str,
        path: PathBuf,
        text: String,
        is_package: bool,
    ) -> PyResult<Rc<Module>> {
        let globals = new_namespace();
        {
            let mut g = globals.borrow_mut();
            g.insert(Rc::from("__name__"), Value::str(name));
            g.insert(Rc::from("__file__"), Value::str(&path.to_string_lossy()));
            let package = if is_package {
                name.to_string()
            } else {
                name.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            };
            g.insert(Rc::from("__package__"), Value::str(&package));
        }
        let module = Rc::new(Module {
            name: Rc::from(name),
            file: Some(path.clone()),
            globals: globals.clone(),
        });
        if path.is_dir() {
            self.modules.cache.insert(name.to_string(), module.clone());
            return Ok(module);
        }
        let display = path
            .strip_prefix(self.sandbox.root())
            .map(Path::to_path_buf)
            .unwrap_or(path);
        let file = self.sources.add(SourceFile::new(display, text));
        let ast = match crate::syntax::parse_module(&self.sources.get(file).text) {
            Ok(ast) => Rc::new(ast),
            Err(diag) => {
                let mut e = exception("SyntaxError", diag.message.clone());
                e.0.diagnostic = Some(Box::new(diag.in_file(file)));
                return Err(e);
            }
        };
        self.asts.push(ast.clone());
        self.modules.cache.insert(name.to_string(), module.clone());
        self.modules.loading.push(name.to_string());
        let frame = self.module_frame(globals, file, Rc::from(name));
        let result = self.exec_module_body(&frame, &ast.body);
        self.modules.loading.pop();
        if let Err(e) = result {
            self.modules.cache.remove(name);
            return Err(e);
        }
        Ok(module)
    }

    pub(crate) fn exec_import(&mut self, f: &Frame, names: &[Alias]) -> PyResult<()> {
        for alias in names {
            let full = alias.name.dotted();
            let m = self
                .import_module(&full)
                .map_err(|e| import_site(e, f, alias.span))?;
            match &alias.asname {
                Some(asname) => self.store_name(f, &asname.name, Value::Module(m)),
                None => {
                    let top = &alias.name.parts[0].name;
                    let top_module = self
                        .modules
                        .cache
                        .get(top.as_str())
                        .cloned()
                        .expect("parent imported");
                    self.store_name(f, top, Value::Module(top_module));
                }
            }
        }
        Ok(())
    }

    fn resolve_relative(
        &self,
        f: &Frame,
        module: Option<&DottedName>,
        level: u32,
    ) -> PyResult<String> {
        let rest = module.map(|m| m.dotted());
        if level == 0 {
            return Ok(rest.unwrap_or_default());
        }
        let package = match f.globals.borrow().get("__package__") {
            Some(Value::Str(p)) => p.to_string(),
            _ => String::new(),
        };
        let mut parts: Vec<&str> = if package.is_empty() {
            vec![]
        } else {
            package.split('.').collect()
        };
        for _ in 1..level {
            if parts.pop().is_none() {
                return Err(exception(
                    "ImportError",
                    "attempted relative import beyond top-level package",
                ));
            }
        }
        if let Some(r) = &rest {
            parts.push(r);
        }
        Ok(parts.join("."))
    }

    pub(crate) fn exec_import_from(
        &mut self,
        f: &Frame,
        module: Option<&DottedName>,
        level: u32,
        names: &ImportNames,
        span: Span,
    ) -> PyResult<()> {
        let name = self
            .resolve_relative(f, module, level)
            .map_err(|e| e.at(f.file, span))?;
        let m = if name.is_empty() {
            None
        } else {
            Some(
                self.import_module(&name)
                    .map_err(|e| import_site(e, f, module.map(|m| m.span).unwrap_or(span)))?,
            )
        };
        match names {
            ImportNames::Star(_) => {
                let m = m.ok_or_else(|| {
                    exception(
                        "ImportError",
                        "cannot import * from a relative package root",
                    )
                    .at(f.file, span)
                })?;
                let exported: Vec<(Rc<str>, Value)> = self.star_names(&m)?;
                for (k, v) in exported {
                    self.store_name(f, &k, v);
                }
            }
            ImportNames::Names(aliases) => {
                for alias in aliases {
                    let attr = &alias.name.parts[0].name;
                    let found = match &m {
                        Some(m) => {
                            let direct = m.globals.borrow().get(attr.as_str()).cloned();
                            let hook = m.globals.borrow().get("__getattr__").cloned();
                            match (direct, hook) {
                                (Some(v), _) => Some(v),
                                (None, Some(hook)) => Some(
                                    self.call(&hook, Args::positional(vec![Value::str(attr)]))
                                        .map_err(|e| e.at(f.file, alias.span))?,
                                ),
                                (None, None) => None,
                            }
                        }
                        None => None,
                    };
                    let value = match found {
                        Some(v) => v,
                        None => {
                            let sub = if name.is_empty() {
                                attr.clone()
                            } else {
                                format!("{name}.{attr}")
                            };
                            match self.import_module(&sub) {
                                Ok(sm) => Value::Module(sm),
                                Err(e) if e.is("ModuleNotFoundError") && m.is_some() => {
                                    let m = m.as_ref().expect("checked");
                                    let location = match &m.file {
                                        Some(p) => p
                                            .strip_prefix(self.sandbox.root())
                                            .unwrap_or(p)
                                            .display()
                                            .to_string(),
                                        None => "unknown location".into(),
                                    };
                                    let mut err =
                                        exception("ImportError", format!("cannot import name '{attr}' from '{name}' ({location})"));
                                    let names: Vec<Rc<str>> =
                                        m.globals.borrow().keys().cloned().collect();
                                    if let Some(close) =
                                        super::interp::closest(attr, names.iter().map(|n| &**n))
                                    {
                                        err = err.with_help(format!("did you mean `{close}`?"));
                                    }
                                    return Err(err.at(f.file, alias.span));
                                }
                                Err(e) => return Err(import_site(e, f, alias.span)),
                            }
                        }
                    };
                    let bind = alias
                        .asname
                        .as_ref()
                        .map(|a| a.name.as_str())
                        .unwrap_or(attr);
                    self.store_name(f, bind, value);
                }
            }
        }
        Ok(())
    }

    /// What `from m import *` binds: `__all__` if defined, else the public names.
    fn star_names(&mut self, m: &Rc<Module>) -> PyResult<Vec<(Rc<str>, Value)>> {
        let all = m.globals.borrow().get("__all__").cloned();
        match all {
            Some(all) => {
                let mut out = Vec::new();
                for n in self.iterate(&all)? {
                    let Value::Str(n) = n else { continue };
                    let v = m.globals.borrow().get(&*n).cloned();
                    match v {
                        Some(v) => out.push((n, v)),
                        None => {
                            return Err(super::error::attribute_error(format!(
                                "module '{}' has no attribute '{}'",
                                m.name, n
                            )))
                        }
                    }
                }
                Ok(out)
            }
            None => Ok(m
                .globals
                .borrow()
                .iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()),
        }
    }
}

/// An import failed: errors raised while running the imported module record the import
/// statement as a traceback frame; errors about the import itself point at it.
fn import_site(mut e: PyErr, f: &Frame, span: Span) -> PyErr {
    if e.0.location.is_none() && e.0.diagnostic.is_none() {
        return e.at(f.file, span);
    }
    e.0.frames.push(crate::diagnostics::Frame {
        file: f.file,
        span,
        name: f.name.to_string(),
    });
    e
}
