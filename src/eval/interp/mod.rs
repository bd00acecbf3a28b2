//! The tree-walking interpreter: state, frames and name resolution (LEGB).

mod assign;
mod call;
mod class;
mod comp;
mod expr;
mod scope;
mod stmt;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::diagnostics::{FileId, SourceMap, Span};
use crate::syntax::ast;

use super::builtins;
use super::error::{exception, name_error, PyErr, PyResult};
use super::sandbox::Sandbox;
use super::value::{Namespace, Value};
use super::{Config, Output};

pub use class::new_class;
pub use expr::ascii;
pub use scope::NameInfo;

/// A compiled function or lambda: its AST (cloned once per definition site) and its scopes.
pub struct FnCode {
    pub name: Rc<str>,
    pub params: ast::Parameters,
    pub body: FnBody,
    pub info: Rc<NameInfo>,
    pub span: Span,
}

pub enum FnBody {
    Block(Vec<ast::Stmt>),
    Expr(ast::Expr),
}

/// What kind of scope a frame runs.
#[derive(Clone)]
pub enum FrameKind {
    Module,
    Class,
    Function(Rc<NameInfo>),
}

/// One running scope.
#[derive(Clone)]
pub struct Frame {
    pub kind: FrameKind,
    /// Function locals or the class namespace; the globals at module level.
    pub locals: Namespace,
    /// Enclosing function scopes, innermost first.
    pub closure: Rc<[Namespace]>,
    pub globals: Namespace,
    pub file: FileId,
    pub name: Rc<str>,
    pub module_name: Rc<str>,
    /// For zero-argument `super()`: the defining class and the first argument.
    pub super_ctx: Option<(Rc<super::value::Class>, Value)>,
    /// The qualified name of what runs here (`f`, `A`, `f.<locals>.g`), for nested `__qualname__`s.
    pub qualname: Rc<str>,
}

/// Control flow out of a statement.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

pub struct Interpreter {
    pub config: Config,
    pub sources: SourceMap,
    pub sandbox: Sandbox,
    pub builtins: Namespace,
    pub(crate) modules: super::modules::ModuleState,
    code_cache: HashMap<usize, Rc<FnCode>>,
    pub(crate) asts: Vec<Rc<ast::Module>>,
    pub steps: u64,
    pub depth: usize,
    pub memory: usize,
    /// Exceptions being handled (innermost last), for a bare `raise`.
    pub(crate) current_exception: Vec<Value>,
    /// Address of a local in the outermost `run_*` call, to measure native stack use.
    pub(crate) stack_base: usize,
    /// Per-run state of native modules (e.g. `logging`'s loggers by name), keyed by the module.
    pub native_state: HashMap<String, Value>,
    /// Called with each native or instance value an expression evaluates to, and where it
    /// was written (the ehrQL layer records where query-model nodes come from).
    pub value_hook: Option<fn(&mut Interpreter, FileId, Span, &Value)>,
    /// Containers being printed, to print self-references as `[...]`.
    pub(crate) repr_stack: Vec<usize>,
}

impl Interpreter {
    pub fn new(config: Config) -> Interpreter {
        let sandbox = Sandbox::new(&config.project_root);
        Interpreter {
            config,
            sources: SourceMap::new(),
            sandbox,
            builtins: builtins::namespace(),
            modules: Default::default(),
            code_cache: HashMap::new(),
            asts: Vec::new(),
            steps: 0,
            depth: 0,
            memory: 0,
            current_exception: Vec::new(),
            stack_base: 0,
            native_state: HashMap::new(),
            value_hook: None,
            repr_stack: Vec::new(),
        }
    }

    /// Writes text printed by the definition to the configured sink.
    pub fn write_output(&mut self, text: &str) {
        use std::io::Write;
        match &self.config.output {
            Output::Stderr => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
            Output::Stdout => {
                let _ = std::io::stdout().write_all(text.as_bytes());
            }
            Output::Buffer(buf) => buf.borrow_mut().push_str(text),
        }
    }

    /// Native stack bytes used since the outermost `run_*` call. A tree-walker uses several
    /// kilobytes of Rust stack per Python call, so deep recursion is stopped by this guard
    /// (as a `RecursionError`) before the thread's stack overflows.
    pub(crate) fn stack_used(&self) -> usize {
        let here = 0u8;
        self.stack_base.saturating_sub(&here as *const u8 as usize)
    }

    /// A `RecursionError` once the native stack budget is spent (deeply nested expressions,
    /// self-referential containers, runaway recursion).
    pub(crate) fn check_stack(&self) -> PyResult<()> {
        if self.stack_base != 0 && self.stack_used() > self.config.limits.max_stack_bytes {
            return Err(recursion_error());
        }
        Ok(())
    }

    /// Records the stack position of an entry point (only the outermost one counts).
    pub(crate) fn mark_stack_base(&mut self) {
        let here = 0u8;
        if self.stack_base == 0 {
            self.stack_base = &here as *const u8 as usize;
        }
    }

    /// Counts one step against the budget.
    pub fn step(&mut self) -> PyResult<()> {
        self.steps += 1;
        if self.steps > self.config.limits.max_steps {
            return Err(exception(
                "TimeoutError",
                format!(
                    "the definition ran for more than {} steps (an infinite loop?); raise the limit with --max-steps",
                    self.config.limits.max_steps
                ),
            )
            .fatal());
        }
        Ok(())
    }

    /// Charges `units` (container elements or string bytes) against the memory cap.
    pub fn charge(&mut self, units: usize) -> PyResult<()> {
        self.memory = self.memory.saturating_add(units);
        if self.memory > self.config.limits.max_memory || units > self.config.limits.max_memory {
            return Err(exception(
                "MemoryError",
                format!(
                    "the definition allocated more than {} elements or bytes; raise the limit with --max-memory",
                    self.config.limits.max_memory
                ),
            )
            .fatal());
        }
        Ok(())
    }

    /// The compiled code of a `def`, cached by the address of its (never freed) AST node.
    pub(crate) fn code_for_def(&mut self, def: &ast::FunctionDef, span: Span) -> Rc<FnCode> {
        let key = def as *const ast::FunctionDef as usize;
        if let Some(code) = self.code_cache.get(&key) {
            return code.clone();
        }
        let info = Rc::new(scope::analyze(&def.params, scope::Body::Block(&def.body)));
        let code = Rc::new(FnCode {
            name: Rc::from(def.name.name.as_str()),
            params: def.params.clone(),
            body: FnBody::Block(def.body.clone()),
            info,
            span,
        });
        self.code_cache.insert(key, code.clone());
        code
    }

    pub(crate) fn code_for_lambda(
        &mut self,
        params: &ast::Parameters,
        body: &ast::Expr,
        span: Span,
    ) -> Rc<FnCode> {
        let key = body as *const ast::Expr as usize;
        if let Some(code) = self.code_cache.get(&key) {
            return code.clone();
        }
        let info = Rc::new(scope::analyze(params, scope::Body::Expr(body)));
        let code = Rc::new(FnCode {
            name: Rc::from("<lambda>"),
            params: params.clone(),
            body: FnBody::Expr(body.clone()),
            info,
            span,
        });
        self.code_cache.insert(key, code.clone());
        code
    }

    /// Reads a name with Python's LEGB rules.
    pub fn load_name(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        match &f.kind {
            FrameKind::Module => {}
            FrameKind::Class => {
                if let Some(v) = f.locals.borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(v) = f
                    .closure
                    .iter()
                    .find_map(|ns| ns.borrow().get(name).cloned())
                {
                    return Ok(v);
                }
            }
            FrameKind::Function(info) => {
                if !info.globals.contains(name) {
                    if info.locals.contains(name) {
                        return f.locals.borrow().get(name).cloned().ok_or_else(|| {
                            exception(
                                "UnboundLocalError",
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )
                        });
                    }
                    if let Some(v) = f
                        .closure
                        .iter()
                        .find_map(|ns| ns.borrow().get(name).cloned())
                    {
                        return Ok(v);
                    }
                }
            }
        }
        if let Some(v) = f.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(name) {
            return Ok(v.clone());
        }
        let mut err = name_error(format!("name '{name}' is not defined"));
        if let Some(close) = self.closest_name(f, name) {
            err = err.with_help(format!("did you mean `{close}`?"));
        }
        Err(err)
    }

    fn closest_name(&self, f: &Frame, name: &str) -> Option<String> {
        let mut candidates: Vec<Rc<str>> = Vec::new();
        candidates.extend(f.locals.borrow().keys().cloned());
        for ns in f.closure.iter() {
            candidates.extend(ns.borrow().keys().cloned());
        }
        candidates.extend(f.globals.borrow().keys().cloned());
        candidates.extend(self.builtins.borrow().keys().cloned());
        closest(name, candidates.iter().map(|c| &**c))
    }

    /// Binds a name in the frame's scope (honouring `global`/`nonlocal`).
    pub fn store_name(&mut self, f: &Frame, name: &str, value: Value) {
        if let FrameKind::Function(info) = &f.kind {
            if info.globals.contains(name) {
                f.globals.borrow_mut().insert(Rc::from(name), value);
                return;
            }
            if info.nonlocals.contains(name) {
                let ns = f
                    .closure
                    .iter()
                    .find(|ns| ns.borrow().contains_key(name))
                    .or(f.closure.first());
                if let Some(ns) = ns {
                    ns.borrow_mut().insert(Rc::from(name), value);
                    return;
                }
            }
        }
        f.locals.borrow_mut().insert(Rc::from(name), value);
    }

    /// Removes a binding (`del name`).
    pub fn delete_name(&mut self, f: &Frame, name: &str) -> PyResult<()> {
        let ns = match &f.kind {
            FrameKind::Function(info) if info.globals.contains(name) => f.globals.clone(),
            _ => f.locals.clone(),
        };
        if ns.borrow_mut().shift_remove(name).is_none() {
            return Err(name_error(format!("name '{name}' is not defined")));
        }
        Ok(())
    }

    /// A frame for running a module's top level.
    pub fn module_frame(&self, globals: Namespace, file: FileId, module_name: Rc<str>) -> Frame {
        Frame {
            kind: FrameKind::Module,
            locals: globals.clone(),
            closure: Rc::from(Vec::new()),
            globals,
            file,
            name: Rc::from("<module>"),
            module_name,
            super_ctx: None,
            qualname: Rc::from(""),
        }
    }

    /// Runs statements at a module's top level.
    pub fn exec_module_body(&mut self, frame: &Frame, body: &[ast::Stmt]) -> PyResult<()> {
        match self.exec_block(frame, body)? {
            Flow::Normal => Ok(()),
            Flow::Return(_) => Err(exception("SyntaxError", "'return' outside function")),
            Flow::Break | Flow::Continue => Err(exception("SyntaxError", "'break' outside loop")),
        }
    }
}

/// The candidate nearest to `name` by edit distance, if close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let max = name.chars().count().div_ceil(3);
    let mut seen = HashSet::new();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name || !seen.insert(c) || c.starts_with("__") {
            continue;
        }
        let d = edit_distance(&name.to_lowercase(), &c.to_lowercase());
        if d <= max.max(1) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Keeps `PyErr` construction for limit errors in one place.
pub(crate) fn recursion_error() -> PyErr {
    exception("RecursionError", "maximum recursion depth exceeded").fatal()
}
