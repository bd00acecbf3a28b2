//! Loading definition files and finding the local modules they import, with Python's
//! search order: the definition's own folder first, then the project root (the current
//! directory), packages via `__init__.py`, and relative imports.

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, FileId, SourceFile, SourceMap, Span};
use crate::syntax::ast::{ImportNames, Module, Stmt, StmtKind};

/// Why a definition file could not be read. Each maps to an exit code in `cli`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("definition file `{0}` does not exist")]
    Missing(PathBuf),
    #[error("`{0}` is a directory, not a definition file")]
    Directory(PathBuf),
    #[error("`{0}` is not a Python file: definition files end in `.py`")]
    NotPython(PathBuf),
    #[error("could not read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Reads a source file as UTF-8; invalid UTF-8 becomes a diagnostic pointing at the byte.
pub fn read_source(
    path: &Path,
    sources: &mut SourceMap,
) -> Result<Result<FileId, Diagnostic>, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Ok(sources.add(SourceFile::new(path, text)))),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bad = err.as_bytes()[at];
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let file = sources.add(SourceFile::new(path, text));
            Ok(Err(Diagnostic::error("E0020", "file is not valid UTF-8")
                .in_file(file)
                .primary(
                    Span::new(at, at + 1),
                    format!("byte 0x{bad:02X} is not valid UTF-8 here"),
                )
                .help(
                    "save the file as UTF-8 (Python's default source encoding)",
                )))
        }
    }
}

/// Checks that `path` names a readable `.py` file.
pub fn check_definition_path(path: &Path) -> Result<(), LoadError> {
    if !path.exists() {
        return Err(LoadError::Missing(path.to_path_buf()));
    }
    if path.is_dir() {
        return Err(LoadError::Directory(path.to_path_buf()));
    }
    if path.extension().and_then(|e| e.to_str()) != Some("py") {
        return Err(LoadError::NotPython(path.to_path_buf()));
    }
    Ok(())
}

/// Where local modules are looked for.
#[derive(Debug, Clone)]
pub struct ModuleResolver {
    pub search_path: Vec<PathBuf>,
}

impl ModuleResolver {
    /// The definition's folder, then the project root.
    pub fn for_definition(definition: &Path, project_root: &Path) -> ModuleResolver {
        let dir = definition
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut search_path = vec![dir];
        if !search_path.contains(&project_root.to_path_buf()) {
            search_path.push(project_root.to_path_buf());
        }
        ModuleResolver { search_path }
    }

    /// The file of module `dotted` imported from `importer` with `level` leading dots, and
    /// the `__init__.py` files of the packages on the way. `None` when it is not local.
    pub fn resolve(&self, dotted: &str, level: u32, importer: &Path) -> Option<Vec<PathBuf>> {
        let roots: Vec<PathBuf> = if level > 0 {
            let mut base = importer.parent()?.to_path_buf();
            for _ in 1..level {
                base = base.parent()?.to_path_buf();
            }
            vec![base]
        } else {
            self.search_path.clone()
        };
        let parts: Vec<&str> = dotted.split('.').filter(|p| !p.is_empty()).collect();
        roots.iter().find_map(|root| resolve_in(root, &parts))
    }
}

fn resolve_in(root: &Path, parts: &[&str]) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dir = root.to_path_buf();
    if parts.is_empty() {
        let init = dir.join("__init__.py");
        return init.is_file().then(|| vec![init]);
    }
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let package = dir.join(part);
        let init = package.join("__init__.py");
        if last {
            let file = dir.join(format!("{part}.py"));
            if init.is_file() {
                files.push(init);
            } else if file.is_file() {
                files.push(file);
            } else if package.is_dir() && i > 0 {
                // A namespace package: nothing to run, but the import succeeds.
            } else {
                return None;
            }
        } else if init.is_file() {
            files.push(init);
        } else if !package.is_dir() {
            return None;
        }
        dir = package;
    }
    Some(files)
}

/// Every import a module makes, wherever it appears (functions and `if` blocks included):
/// (module path, leading dots, names imported with `from`).
pub fn imports(module: &Module) -> Vec<(String, u32, Vec<String>)> {
    let mut out = Vec::new();
    collect_imports(&module.body, &mut out);
    out
}

fn collect_imports(body: &[Stmt], out: &mut Vec<(String, u32, Vec<String>)>) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Import { names } => {
                for alias in names {
                    out.push((alias.name.dotted(), 0, Vec::new()));
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                let dotted = module.as_ref().map(|m| m.dotted()).unwrap_or_default();
                let names = match names {
                    ImportNames::Star(_) => Vec::new(),
                    ImportNames::Names(aliases) => {
                        aliases.iter().map(|a| a.name.dotted()).collect()
                    }
                };
                out.push((dotted, *level, names));
            }
            StmtKind::FunctionDef(f) => collect_imports(&f.body, out),
            StmtKind::ClassDef(c) => collect_imports(&c.body, out),
            StmtKind::If { body, orelse, .. }
            | StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. } => {
                collect_imports(body, out);
                collect_imports(orelse, out);
            }
            StmtKind::With { body, .. } => collect_imports(body, out),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_imports(body, out);
                for h in handlers {
                    collect_imports(&h.body, out);
                }
                collect_imports(orelse, out);
                collect_imports(finalbody, out);
            }
            _ => {}
        }
    }
}

/// The result of parsing a definition and every local module it reaches.
pub struct ParsedProject {
    pub sources: SourceMap,
    /// Parsed files, the definition first.
    pub modules: Vec<(FileId, Module)>,
    pub errors: Vec<Diagnostic>,
}

/// Parses the definition and, transitively, every local module it imports.
pub fn parse_project(definition: &Path, project_root: &Path) -> Result<ParsedProject, LoadError> {
    check_definition_path(definition)?;
    let resolver = ModuleResolver::for_definition(definition, project_root);
    let mut project = ParsedProject {
        sources: SourceMap::new(),
        modules: Vec::new(),
        errors: Vec::new(),
    };
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut queue: VecDeque<PathBuf> = VecDeque::from([definition.to_path_buf()]);
    seen.insert(canonical(definition));
    let mut first = true;
    while let Some(path) = queue.pop_front() {
        let file = match read_source(&path, &mut project.sources) {
            Ok(Ok(file)) => file,
            Ok(Err(diag)) => {
                project.errors.push(diag);
                continue;
            }
            Err(err) if first => return Err(err),
            Err(_) => continue,
        };
        first = false;
        let text = project.sources.get(file).text.clone();
        match crate::syntax::parse_module(&text) {
            Ok(module) => {
                for (dotted, level, names) in imports(&module) {
                    let mut candidates = vec![dotted.clone()];
                    // `from pkg import sub` may name a submodule.
                    candidates.extend(names.iter().map(|n| {
                        if dotted.is_empty() {
                            n.clone()
                        } else {
                            format!("{dotted}.{n}")
                        }
                    }));
                    for candidate in candidates {
                        for found in resolver
                            .resolve(&candidate, level, &path)
                            .unwrap_or_default()
                        {
                            if seen.insert(canonical(&found)) {
                                queue.push_back(found);
                            }
                        }
                    }
                }
                project.modules.push((file, module));
            }
            Err(diag) => project.errors.push(diag.in_file(file)),
        }
    }
    Ok(project)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
