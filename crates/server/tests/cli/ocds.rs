//! `coophub import ocds FILE…`: packages from files, each all or nothing,
//! the newer release of a process winning.

use std::path::PathBuf;

use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::Value;

use crate::helpers::{coophub, serve, stderr, stdout};

backend_tests!(
    importing_ocds_files_creates_then_changes_nothing_and_refuses_broken_ones,
    the_cli_import_applies_the_apis_checks,
);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ocds")
        .join(name)
}

async fn importing_ocds_files_creates_then_changes_nothing_and_refuses_broken_ones(
    backend: Backend,
) {
    let db = TestDatabase::create(backend);
    let files = [
        fixture("contracts-finder-release-package.json"),
        fixture("find-a-tender-record-package.json"),
    ];
    let output = coophub(&db)
        .args(["import", "ocds"])
        .args(&files)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("opportunities: 3 created, 0 updated, 0 unchanged"),
        "{printed}"
    );
    assert!(
        printed.contains("compiledRelease/date: has no time zone"),
        "{printed}"
    );

    let output = coophub(&db)
        .args(["import", "ocds"])
        .args(&files)
        .output()
        .unwrap();
    assert!(stdout(&output).contains("opportunities: 0 created, 0 updated, 3 unchanged"));

    let output = coophub(&db)
        .args(["import", "ocds"])
        .arg(fixture("invalid-release-package.json"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains("/releases/1/ocid") && said.contains("nothing of it was imported"),
        "{said}"
    );

    let base = serve(&db).await;
    let list: Value = reqwest::get(format!("{base}/api/v1/opportunities"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 3, "the broken package added nothing");
}

/// `coophub import ocds` stored NUL and ESC, impossible dates and
/// two-million-character titles that the API refuses (issue 27, item 4):
/// both read packages with the one reader, which checks them all.
async fn the_cli_import_applies_the_apis_checks(backend: Backend) {
    let db = TestDatabase::create(backend);
    let package = serde_json::json!({"releases": [{
        "ocid": "ocds-b5fd17-cli-1", "id": "1", "date": "2026-11-10T09:00:00Z", "tag": ["tender"],
        "tender": {"title": "x".repeat(2_000_000), "description": "NUL\u{0} and ESC\u{1b}[31m",
                   "tenderPeriod": {"endDate": "-5000-01-01"}}}]});
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.json");
    std::fs::write(&file, package.to_string()).unwrap();
    let output = coophub(&db)
        .args(["import", "ocds"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = stderr(&output);
    for pointer in [
        "/releases/0/tender/title: must be at most 300 characters long",
        "/releases/0/tender/description: must not contain NUL",
        "/releases/0/tender/tenderPeriod/endDate: must be a date from 2000-01-01 to 2100-12-31",
    ] {
        assert!(said.contains(pointer), "{pointer} in {said}");
    }
    assert!(
        said.len() < 10_000,
        "the title is not echoed: {} bytes",
        said.len()
    );
}
