//! `ehrql dump-example-data`: writes the bundled example tables (examples/data/, our own
//! synthetic core-schema data) so a newcomer can run a study in two commands.

use std::path::Path;

use super::{EXIT_INTERNAL, EXIT_OK};

/// The bundled tables, (file name, contents), embedded at build time.
pub const EXAMPLE_TABLES: &[(&str, &str)] = &[
    (
        "clinical_events.csv",
        include_str!("../../examples/data/clinical_events.csv"),
    ),
    (
        "medications.csv",
        include_str!("../../examples/data/medications.csv"),
    ),
    (
        "ons_deaths.csv",
        include_str!("../../examples/data/ons_deaths.csv"),
    ),
    (
        "patients.csv",
        include_str!("../../examples/data/patients.csv"),
    ),
    (
        "practice_registrations.csv",
        include_str!("../../examples/data/practice_registrations.csv"),
    ),
];

/// Writes the tables into `dir` (created if needed; files of the same name are replaced,
/// each through a temporary file so none is left half-written).
pub fn dump(dir: &Path) -> i32 {
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (name, text) in EXAMPLE_TABLES {
            let tmp = dir.join(format!(".{name}.tmp"));
            std::fs::write(&tmp, text)?;
            std::fs::rename(&tmp, dir.join(name))?;
        }
        Ok(())
    };
    match write() {
        Ok(()) => {
            eprintln!(
                "Wrote {} example tables to {} (use them with --dummy-tables {})",
                EXAMPLE_TABLES.len(),
                dir.display(),
                dir.display()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: cannot write example data to {}: {e}", dir.display());
            EXIT_INTERNAL
        }
    }
}
