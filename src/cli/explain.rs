//! `ehrql explain --emit STAGE`: prints one stage of the pipeline for a definition.

use std::fmt::Write;

use crate::cli::{load_error, report, DefinitionArgs, EXIT_OK};
use crate::diagnostics::{ErrorFormat, SourceMap};
use crate::project::{check_definition_path, read_source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// Tokens after the layout pass, one per line with line:column positions.
    Tokens,
    /// The syntax tree, as JSON with byte spans.
    Ast,
    /// The query model the definition builds, one node per line.
    Qm,
    /// The query model after the required rewrites (sort extension of picks).
    QmOpt,
}

pub fn run(stage: Stage, args: &DefinitionArgs, format: ErrorFormat) -> i32 {
    if let Err(err) = check_definition_path(&args.definition) {
        return load_error(&err);
    }
    if matches!(stage, Stage::Qm | Stage::QmOpt) {
        return super::lang::explain_qm(args, format, stage == Stage::QmOpt);
    }
    let mut sources = SourceMap::new();
    let file = match read_source(&args.definition, &mut sources) {
        Err(err) => return load_error(&err),
        Ok(Err(diag)) => return report(&[diag], &sources, format),
        Ok(Ok(file)) => file,
    };
    let src = sources.get(file);
    match stage {
        Stage::Tokens => {
            let tokens = crate::syntax::tokenize(&src.text);
            let mut out = String::new();
            for (start, tok, end) in &tokens.tokens {
                let a = src.line_col(*start);
                let b = src.line_col(*end);
                let _ = writeln!(
                    out,
                    "{}:{}-{}:{}\t{}",
                    a.line, a.column, b.line, b.column, tok
                );
            }
            print!("{out}");
            if let Some(diag) = tokens.error {
                return report(&[diag.in_file(file)], &sources, format);
            }
        }
        Stage::Ast => match crate::syntax::parse_module(&src.text) {
            Ok(module) => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&module).expect("AST serialises")
                );
            }
            Err(diag) => return report(&[diag.in_file(file)], &sources, format),
        },
        Stage::Qm | Stage::QmOpt => unreachable!("handled above"),
    }
    EXIT_OK
}
