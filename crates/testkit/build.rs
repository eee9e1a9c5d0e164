//! Build script: PostgreSQL test variants are marked ignored, with the reason
//! shown in the test output, when `COOPHUB_TEST_POSTGRES_URL` is unset.

fn main() {
    println!("cargo::rerun-if-env-changed=COOPHUB_TEST_POSTGRES_URL");
    println!("cargo::rustc-check-cfg=cfg(coophub_test_postgres)");
    if std::env::var_os("COOPHUB_TEST_POSTGRES_URL").is_some_and(|url| !url.is_empty()) {
        println!("cargo::rustc-cfg=coophub_test_postgres");
    }
}
