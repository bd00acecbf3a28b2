//! Build script: turns `grammar/ehrql.lalrpop` into the parser tables.
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .set_in_dir("grammar")
        .process()
        .expect("grammar/ehrql.lalrpop failed to generate");
    println!("cargo:rerun-if-changed=grammar");
}
