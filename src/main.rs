//! The `ehrql` binary: parses arguments and runs the CLI on a thread with a large stack, so
//! deeply nested definitions cannot overflow it.

use clap::Parser;

/// mimalloc, told never to hand freed memory back to the kernel during a run: the engine
/// allocates and frees many large, short-lived Arrow buffers, and returning them only to
/// fault them back in (zeroed) cost as much system time as the work itself.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc's option enumeration.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Stack size for the worker thread; deep (but legal) syntax trees recurse this far.
const STACK_BYTES: usize = 256 * 1024 * 1024;

fn main() {
    // SAFETY: sets a process-wide allocator option; valid at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    // Transparent huge pages made the kernel compact memory on the engine's large
    // allocations: half the runs spent over a second in the kernel for the 1M-patient
    // benchmark. Our buffers are short-lived, so small pages are the better trade.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only changes this process's huge-page policy.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
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
