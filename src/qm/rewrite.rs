//! Graph rewriting: a node-replacement rewriter, the required sort-key rewrite
//! (`rewrite_sorts`) and parameter substitution.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::arena::Arena;
use super::dataset::Dataset;
use super::error::QmError;
use super::nodes::{Node, NodeId, UnaryFn};
use super::types::{Type, Value};

/// Rebuilds graphs with some nodes replaced. Every node above a replacement is rebuilt
/// through [`Arena::add`], so it is checked again; untouched nodes keep their ids.
pub struct Rewriter<'a> {
    arena: &'a mut Arena,
    replacements: HashMap<NodeId, NodeId>,
    /// (node, excluded-replacements context) → rewritten node.
    cache: HashMap<(NodeId, usize), NodeId>,
}

impl<'a> Rewriter<'a> {
    pub fn new(arena: &'a mut Arena) -> Rewriter<'a> {
        Rewriter {
            arena,
            replacements: HashMap::new(),
            cache: HashMap::new(),
        }
    }

    /// Replace `target` with `new` wherever it appears (the last call for a target wins).
    pub fn replace(&mut self, target: NodeId, new: NodeId) {
        self.replacements.insert(target, new);
        self.cache.clear();
    }

    pub fn rewrite(&mut self, root: NodeId) -> Result<NodeId, QmError> {
        // Post-order with an explicit stack (definitions chain thousands of `|`). A replaced
        // node depends on its replacement; any other node on its inputs.
        //
        // As in the reference, a replacement is rewritten with the node it replaces taken
        // out of the replacements (along that path), so a replacement may contain its own
        // target, and two replacements may contain each other, without looping. Results
        // are cached per set of such excluded nodes (`ctx`, interned; 0 is the empty set).
        let mut contexts: Vec<Vec<NodeId>> = vec![Vec::new()];
        let mut stack = vec![(root, 0usize, false)];
        let mut in_progress = std::collections::HashSet::new();
        while let Some((id, ctx, ready)) = stack.pop() {
            if self.cache.contains_key(&(id, ctx)) {
                continue;
            }
            let replacement = self
                .replacements
                .get(&id)
                .copied()
                .filter(|_| !contexts[ctx].contains(&id));
            let inner_ctx = match replacement {
                Some(_) => {
                    let mut set = contexts[ctx].clone();
                    set.push(id);
                    set.sort();
                    match contexts.iter().position(|c| *c == set) {
                        Some(i) => i,
                        None => {
                            contexts.push(set);
                            contexts.len() - 1
                        }
                    }
                }
                None => ctx,
            };
            if !ready {
                assert!(
                    in_progress.insert((id, ctx)),
                    "a replacement contains the node it replaces"
                );
                stack.push((id, ctx, true));
                let deps = match replacement {
                    Some(new) => vec![new],
                    None => self.arena.get(id)?.inputs(),
                };
                stack.extend(
                    deps.into_iter()
                        .filter(|d| !self.cache.contains_key(&(*d, inner_ctx)))
                        .map(|d| (d, inner_ctx, false)),
                );
                continue;
            }
            in_progress.remove(&(id, ctx));
            let out = match replacement {
                Some(new) => self.cache[&(new, inner_ctx)],
                None => {
                    let node = self.arena.node(id).clone();
                    let rebuilt =
                        node.map_inputs::<QmError>(|input| Ok(self.cache[&(input, ctx)]))?;
                    if rebuilt == node {
                        id
                    } else {
                        self.arena.add(rebuilt)?
                    }
                }
            };
            self.cache.insert((id, ctx), out);
        }
        Ok(self.cache[&(root, 0)])
    }
}

/// The reference's `rewrite_sorts`, applied to every `PickOneRowPerPatient` reachable from
/// `roots`; returns the rewritten roots, in order.
///
/// For each pick:
/// - the pick becomes `PickOneRowPerPatientWithColumns` listing `SelectColumn(source, c)`
///   for every column `c` selected from it anywhere in the graph;
/// - each selected column that is not already a direct sort key (a `SelectColumn` key read
///   from a many-rows frame) gets an extra ascending sort *below* the lowest existing
///   `Sort`, so it only breaks ties. Extra keys are in lexical order of column name, the
///   first having the highest priority; each reads `SelectColumn(lowest.source, c)`, and a
///   bool column is sorted as `CastToInt` (NULL < False < True).
///
/// When several picks share one lowest `Sort` and want different extra keys, the reference
/// keeps whichever pick it visited last (in set-iteration order, which varies between
/// runs); we add the union of their extra keys, still in lexical order, so every pick's
/// selected columns break its ties and the result does not depend on visiting order.
pub fn rewrite_sorts(arena: &mut Arena, roots: &[NodeId]) -> Result<Vec<NodeId>, QmError> {
    let nodes = arena.post_order(roots);
    let mut selected: BTreeMap<NodeId, BTreeSet<String>> = BTreeMap::new();
    for &id in &nodes {
        match arena.node(id) {
            Node::PickOneRowPerPatient { .. } => {
                selected.entry(id).or_default();
            }
            Node::SelectColumn { source, name } => {
                if matches!(arena.node(*source), Node::PickOneRowPerPatient { .. }) {
                    selected.entry(*source).or_default().insert(name.clone());
                }
            }
            _ => {}
        }
    }
    if selected.is_empty() {
        return Ok(roots.to_vec());
    }

    let mut replacements = Vec::new();
    let mut extra_keys: BTreeMap<NodeId, BTreeSet<String>> = BTreeMap::new();
    for (pick, names) in &selected {
        let Node::PickOneRowPerPatient { source, position } = arena.node(*pick).clone() else {
            unreachable!("only picks are collected")
        };
        let sorts = sorts_of(arena, source);
        let lowest = *sorts
            .last()
            .expect("a pick's source is sorted, so has a Sort");
        let direct: BTreeSet<&str> = sorts
            .iter()
            .filter_map(|s| match arena.node(*s) {
                Node::Sort { sort_by, .. } => match arena.node(*sort_by) {
                    Node::SelectColumn { source, name }
                        if !arena.info(*source).is_patient_level() =>
                    {
                        Some(name.as_str())
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let missing: Vec<String> = names
            .iter()
            .filter(|n| !direct.contains(n.as_str()))
            .cloned()
            .collect();
        extra_keys.entry(lowest).or_default().extend(missing);

        let selected_columns = names
            .iter()
            .map(|n| arena.select_column(source, n.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        let with_columns = arena.add(Node::PickOneRowPerPatientWithColumns {
            source,
            position,
            selected_columns,
        })?;
        replacements.push((*pick, with_columns));
    }

    for (lowest, names) in extra_keys {
        if names.is_empty() {
            continue;
        }
        let Node::Sort { source, sort_by } = arena.node(lowest).clone() else {
            unreachable!("collected Sorts")
        };
        let mut base = source;
        // The last name ends up innermost, so the first name has the highest priority.
        for name in names.iter().rev() {
            let column = arena.select_column(source, name.clone())?;
            let key = if arena.series_type(column) == Some(&Type::Bool) {
                arena.unary(UnaryFn::CastToInt, column)?
            } else {
                column
            };
            base = arena.sort(base, key)?;
        }
        let new_lowest = arena.sort(base, sort_by)?;
        replacements.push((lowest, new_lowest));
    }

    let mut rewriter = Rewriter::new(arena);
    for (target, new) in replacements {
        rewriter.replace(target, new);
    }
    roots.iter().map(|r| rewriter.rewrite(*r)).collect()
}

/// `rewrite_sorts` over a whole dataset.
pub fn rewrite_dataset_sorts(arena: &mut Arena, dataset: &Dataset) -> Result<Dataset, QmError> {
    let roots = dataset.roots();
    let new_roots = rewrite_sorts(arena, &roots)?;
    let map: HashMap<NodeId, NodeId> = roots.into_iter().zip(new_roots).collect();
    dataset.map_roots(arena, |id| Ok(map[&id]))
}

/// The `Sort` nodes under a frame, through `Filter`s, outermost (highest priority) first.
pub fn sorts_of(arena: &Arena, frame: NodeId) -> Vec<NodeId> {
    let mut sorts = Vec::new();
    let mut cur = frame;
    loop {
        match arena.node(cur) {
            Node::Sort { source, .. } => {
                sorts.push(cur);
                cur = *source;
            }
            Node::Filter { source, .. } => cur = *source,
            _ => return sorts,
        }
    }
}

/// The reference's `substitute_parameters`: each `Parameter(name, type of value)` becomes
/// `Value(value)`. Returns the rewritten roots.
pub fn substitute_parameters(
    arena: &mut Arena,
    roots: &[NodeId],
    values: &[(String, Value)],
) -> Result<Vec<NodeId>, QmError> {
    let mut replacements = Vec::new();
    for (name, value) in values {
        let ty = value.ty().map_err(|_| QmError::MixedSet)?;
        if let Some(param) = arena.lookup(&Node::Parameter {
            name: name.clone(),
            ty,
        }) {
            replacements.push((param, arena.value(value.clone())?));
        }
    }
    let mut rewriter = Rewriter::new(arena);
    for (target, new) in replacements {
        rewriter.replace(target, new);
    }
    roots.iter().map(|r| rewriter.rewrite(*r)).collect()
}
