//! The `ehrql` command-line tool.
fn main() {
    std::process::exit(ehrql_cli_placeholder());
}

fn ehrql_cli_placeholder() -> i32 {
    0
}
