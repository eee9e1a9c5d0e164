//! `coophub import ocds FILE…`: packages from files, each all or nothing,
//! the newer release of a process winning.

use std::path::PathBuf;

use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::Value;

use crate::helpers::{coophub, serve, stderr, stdout};

backend_tests!(importing_ocds_files_creates_then_changes_nothing_and_refuses_broken_ones);

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
