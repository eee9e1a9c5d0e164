//! Build script: PostgreSQL test variants are marked ignored, with the reason
//! shown in the test output, when `COOPHUB_TEST_POSTGRES_URL` is unset; browser
//! tests likewise when `chromium` and `chromedriver` are not on the `PATH`.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=COOPHUB_TEST_POSTGRES_URL");
    println!("cargo::rustc-check-cfg=cfg(coophub_test_postgres)");
    if std::env::var_os("COOPHUB_TEST_POSTGRES_URL").is_some_and(|url| !url.is_empty()) {
        println!("cargo::rustc-cfg=coophub_test_postgres");
    }
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rustc-check-cfg=cfg(coophub_test_browser)");
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default();
    // Installing the browser changes these folders, which builds this again.
    for dir in dirs.iter().filter(|dir| dir.is_dir()) {
        println!("cargo::rerun-if-changed={}", dir.display());
    }
    let installed = |tool: &str| dirs.iter().any(|dir| dir.join(tool).is_file());
    if installed("chromium") && installed("chromedriver") {
        println!("cargo::rustc-cfg=coophub_test_browser");
    }
}
