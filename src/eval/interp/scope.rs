//! Compile-time scope analysis of a function: which names are local, global or nonlocal.
//!
//! As in Python, a name bound anywhere in a function body (assignment, `for`, `import`, `def`,
//! `except ... as`, `with ... as`, `del`) is local to the whole function, so reading it before
//! the binding runs is an `UnboundLocalError`, not a read of the global.

use std::collections::HashSet;
use std::rc::Rc;

use crate::syntax::ast::{self, Expr, ExprKind, ImportNames, Stmt, StmtKind};

#[derive(Default, Debug)]
pub struct NameInfo {
    pub locals: HashSet<Rc<str>>,
    pub globals: HashSet<Rc<str>>,
    pub nonlocals: HashSet<Rc<str>>,
}

pub enum Body<'a> {
    Block(&'a [Stmt]),
    Expr(&'a Expr),
}

pub fn analyze(params: &ast::Parameters, body: Body) -> NameInfo {
    let mut info = NameInfo::default();
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.vararg)
        .chain(&params.kwonly)
        .chain(&params.kwarg);
    for p in all {
        info.locals.insert(Rc::from(p.name.name.as_str()));
    }
    match body {
        Body::Block(stmts) => {
            for s in stmts {
                visit_stmt(&mut info, s);
            }
        }
        Body::Expr(e) => visit_expr(&mut info, e),
    }
    for g in info.globals.iter().chain(info.nonlocals.iter()) {
        info.locals.remove(g);
    }
    info
}

/// The names a comprehension's targets bind (its own scope).
pub fn comprehension_info(generators: &[ast::Comprehension]) -> NameInfo {
    let mut info = NameInfo::default();
    for g in generators {
        bind_target(&mut info, &g.target);
    }
    info
}

fn bind(info: &mut NameInfo, name: &str) {
    info.locals.insert(Rc::from(name));
}

fn bind_target(info: &mut NameInfo, target: &Expr) {
    match &target.kind {
        ExprKind::Name(n) => bind(info, n),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().for_each(|t| bind_target(info, t))
        }
        ExprKind::Starred(inner) => bind_target(info, inner),
        _ => visit_expr(info, target),
    }
}

fn visit_block(info: &mut NameInfo, stmts: &[Stmt]) {
    for s in stmts {
        visit_stmt(info, s);
    }
}

fn visit_stmt(info: &mut NameInfo, stmt: &Stmt) {
    match &stmt.kind {
        StmtKind::Expr(e) => visit_expr(info, e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| bind_target(info, t));
            visit_expr(info, value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            bind_target(info, target);
            visit_expr(info, value);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            bind_target(info, target);
            if let Some(v) = value {
                visit_expr(info, v);
            }
        }
        StmtKind::Import { names } => {
            for a in names {
                match &a.asname {
                    Some(n) => bind(info, &n.name),
                    None => bind(info, &a.name.parts[0].name),
                }
            }
        }
        StmtKind::ImportFrom {
            names: ImportNames::Names(names),
            ..
        } => {
            for a in names {
                let n = a
                    .asname
                    .as_ref()
                    .map(|n| n.name.as_str())
                    .unwrap_or(&a.name.parts[0].name);
                bind(info, n);
            }
        }
        StmtKind::ImportFrom { .. } => {}
        StmtKind::FunctionDef(def) => {
            bind(info, &def.name.name);
            def.decorators.iter().for_each(|d| visit_expr(info, d));
        }
        StmtKind::ClassDef(def) => {
            bind(info, &def.name.name);
            def.decorators.iter().for_each(|d| visit_expr(info, d));
        }
        StmtKind::Return(Some(e)) => visit_expr(info, e),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            visit_expr(info, test);
            visit_block(info, body);
            visit_block(info, orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            bind_target(info, target);
            visit_expr(info, iter);
            visit_block(info, body);
            visit_block(info, orelse);
        }
        StmtKind::With { items, body } => {
            for item in items {
                visit_expr(info, &item.context);
                if let Some(t) = &item.target {
                    bind_target(info, t);
                }
            }
            visit_block(info, body);
        }
        StmtKind::Delete { targets } => targets.iter().for_each(|t| bind_target(info, t)),
        StmtKind::Global { names } => {
            for n in names {
                info.globals.insert(Rc::from(n.name.as_str()));
            }
        }
        StmtKind::Nonlocal { names } => {
            for n in names {
                info.nonlocals.insert(Rc::from(n.name.as_str()));
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            visit_block(info, body);
            for h in handlers {
                if let Some(n) = &h.name {
                    bind(info, &n.name);
                }
                visit_block(info, &h.body);
            }
            visit_block(info, orelse);
            visit_block(info, finalbody);
        }
        _ => {}
    }
}

/// Finds walrus targets, which bind in the enclosing function even inside comprehensions.
fn visit_expr(info: &mut NameInfo, e: &Expr) {
    match &e.kind {
        ExprKind::NamedExpr { target, value } => {
            bind(info, &target.name);
            visit_expr(info, value);
        }
        ExprKind::BinOp { left, right, .. } => {
            visit_expr(info, left);
            visit_expr(info, right);
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| visit_expr(info, v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            visit_expr(info, left);
            comparators.iter().for_each(|v| visit_expr(info, v));
        }
        ExprKind::UnaryOp { operand, .. } => visit_expr(info, operand),
        ExprKind::IfExp { test, body, orelse } => {
            visit_expr(info, test);
            visit_expr(info, body);
            visit_expr(info, orelse);
        }
        ExprKind::Call { func, args } => {
            visit_expr(info, func);
            args.iter().for_each(|a| visit_expr(info, a.value()));
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            visit_expr(info, elt);
            for g in generators {
                visit_expr(info, &g.iter);
                g.ifs.iter().for_each(|i| visit_expr(info, i));
            }
        }
        _ => {}
    }
}
