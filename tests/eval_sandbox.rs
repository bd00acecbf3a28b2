//! Sandbox tests: each escape attempt is refused with a clear error, and nothing happened.

use std::path::Path;

use ehrql::eval::{Config, Interpreter};

/// Runs `src` as `d.py` in a fresh project folder (inside a parent that has a file
/// `outside.txt`); returns the error headline and the project folder for inspection.
fn refused(src: &str) -> (String, tempfile::TempDir) {
    let parent = tempfile::tempdir().expect("tempdir");
    std::fs::write(parent.path().join("outside.txt"), "secret").expect("write");
    let project = parent.path().join("project");
    std::fs::create_dir(&project).expect("mkdir");
    std::fs::write(project.join("d.py"), src).expect("write");
    std::fs::write(project.join("inside.txt"), "ok").expect("write");
    let project_for_thread = project.clone();
    let headline = std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(move || {
            let mut config = Config::new(&project_for_thread);
            config.limits.max_steps = 200_000;
            config.limits.max_memory = 10_000_000;
            config.limits.max_stack_bytes = 8 << 20;
            let mut it = Interpreter::new(config);
            match it.run_file(Path::new("d.py")) {
                Ok(_) => panic!("expected the sandbox to refuse"),
                Err(e) => e.headline(),
            }
        })
        .expect("thread")
        .join()
        .expect("no panic");
    (headline, parent)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    names.sort();
    names
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn writing_a_file_is_refused_and_nothing_is_written() {
    for mode in ["w", "a", "x", "r+", "wb"] {
        let (e, dir) = refused(&format!("f = open('new.txt', '{mode}')\n"));
        assert_eq!(
            e,
            format!("PermissionError: open() in mode '{mode}' is refused: definitions can only read files")
        );
        assert_eq!(
            listing(dir.path()),
            [
                "outside.txt",
                "project",
                "project/d.py",
                "project/inside.txt"
            ]
        );
    }
    let (e, _) = refused("with open('inside.txt', mode='w') as f:\n    f.write('x')\n");
    assert!(e.starts_with("PermissionError: open() in mode 'w' is refused"));
}

#[test]
fn reading_outside_the_project_is_refused() {
    let (e, _) = refused("open('/etc/passwd').read()\n");
    assert_eq!(
        e,
        "PermissionError: '/etc/passwd' is outside the project directory; definitions can only read files inside it"
    );
    let (e, _) = refused("open('../outside.txt').read()\n");
    assert_eq!(
        e,
        "PermissionError: '../outside.txt' is outside the project directory; definitions can only read files inside it"
    );
    let (e, _) = refused("print(open('inside.txt').read())\nopen('../project/../outside.txt')\n");
    assert!(e.starts_with("PermissionError: '../project/../outside.txt' is outside"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    let (e, _) = {
        let parent = tempfile::tempdir().expect("tempdir");
        std::fs::write(parent.path().join("outside.txt"), "secret").unwrap();
        let project = parent.path().join("p");
        std::fs::create_dir(&project).unwrap();
        std::os::unix::fs::symlink(parent.path().join("outside.txt"), project.join("link.txt"))
            .unwrap();
        std::fs::write(project.join("d.py"), "open('link.txt').read()\n").unwrap();
        let mut it = Interpreter::new(Config::new(&project));
        (
            it.run_file(Path::new("d.py"))
                .expect_err("refused")
                .headline(),
            parent,
        )
    };
    assert_eq!(
        e,
        "PermissionError: 'link.txt' is outside the project directory; definitions can only read files inside it"
    );
}

#[test]
fn running_commands_is_refused() {
    let (e, dir) = refused("import os\nos.system('touch pwned')\n");
    assert_eq!(
        e,
        "PermissionError: definitions cannot run commands or create, change or delete files"
    );
    assert_eq!(
        listing(dir.path()),
        [
            "outside.txt",
            "project",
            "project/d.py",
            "project/inside.txt"
        ]
    );
    assert!(!Path::new("pwned").exists());
    let (e, dir) = refused("import os\nos.remove('inside.txt')\n");
    assert!(e.starts_with("PermissionError"));
    assert!(dir.path().join("project/inside.txt").exists());
    let (e, _) = refused("import subprocess\n");
    assert_eq!(e, "ModuleNotFoundError: No module named 'subprocess'");
}

#[test]
fn environment_is_not_visible() {
    let (e, _) = refused("import os\nprint(os.environ['HOME'])\n");
    assert_eq!(e, "KeyError: 'HOME'");
}

#[test]
fn runaway_definitions_are_stopped() {
    let (e, _) = refused("while True:\n    pass\n");
    assert!(
        e.starts_with(
            "TimeoutError: the definition ran for more than 200000 steps (an infinite loop?)"
        ),
        "{e}"
    );
    let (e, _) = refused("def f():\n    return f()\nf()\n");
    assert_eq!(e, "RecursionError: maximum recursion depth exceeded");
    let (e, _) = refused("x = [0] * (10 ** 10)\n");
    assert!(
        e.starts_with("MemoryError: the definition allocated more than 10000000 elements or bytes"),
        "{e}"
    );
    let (e, _) = refused("x = 'a' * (10 ** 10)\n");
    assert!(e.starts_with("MemoryError"), "{e}");
    let (e, _) = refused("x = []\nwhile True:\n    x.extend(range(1000000))\n");
    assert!(
        e.starts_with("MemoryError") || e.starts_with("TimeoutError"),
        "{e}"
    );
}
