//! `ehrql render-spec`: writes the language reference (Markdown) rendered from the spec
//! chapters.

use std::path::PathBuf;

use super::{EXIT_FILE_VALIDATION, EXIT_INTERNAL, EXIT_OK};
use crate::spec::{load, render_docs};

#[derive(Debug, clap::Args)]
pub struct RenderSpecArgs {
    /// The spec directory: numbered chapter folders of case files, and tables.py.
    #[arg(default_value = "spec")]
    pub spec_dir: PathBuf,
    /// Where to write the reference: an index (README.md) and one page per chapter.
    #[arg(long, value_name = "DOCS_DIR", default_value = "docs/language")]
    pub output: PathBuf,
}

pub fn render_spec(args: &RenderSpecArgs) -> i32 {
    let spec = match load(&args.spec_dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: malformed spec files:\n{e}");
            return EXIT_FILE_VALIDATION;
        }
    };
    let files = render_docs(&spec);
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        eprintln!("error: cannot create {}: {e}", args.output.display());
        return EXIT_INTERNAL;
    }
    for file in &files {
        let path = args.output.join(&file.path);
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return EXIT_INTERNAL;
        }
    }
    let cases = spec.cases().count();
    eprintln!(
        "wrote {} pages ({} chapters, {cases} cases) to {}",
        files.len(),
        spec.chapters.len(),
        args.output.display()
    );
    EXIT_OK
}
