//! The `ehrql` binary: parses arguments and runs the CLI on a thread with a large stack, so
//! deeply nested definitions cannot overflow it.

use clap::Parser;

/// Stack size for the worker thread; deep (but legal) syntax trees recurse this far.
const STACK_BYTES: usize = 256 * 1024 * 1024;

fn main() {
    let cli = ehrql::cli::Cli::parse();
    let worker = std::thread::Builder::new()
        .name("ehrql".into())
        .stack_size(STACK_BYTES)
        .spawn(move || ehrql::cli::run(cli))
        .expect("spawning the worker thread");
    let code = match worker.join() {
        Ok(code) => code,
        Err(_) => {
            eprintln!("error: internal error (this is a bug in ehrql; please report it)");
            ehrql::cli::EXIT_INTERNAL
        }
    };
    std::process::exit(code);
}
