//! Build script: rebuild when a migration changes, since they are embedded.
fn main() {
    // Migrations are embedded at compile time: rebuild when one changes.
    println!("cargo::rerun-if-changed=../../migrations");
}
