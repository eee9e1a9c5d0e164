//! `coophub export` and `coophub import ndjson`.

use coophub_testkit::{Backend, TestDatabase, backend_tests};

use crate::helpers::{coophub, stderr, stdout};

backend_tests!(export_then_import_ndjson_round_trips_through_the_binary);

async fn export_then_import_ndjson_round_trips_through_the_binary(backend: Backend) {
    let source = TestDatabase::create(backend);
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cotech");
    let output = coophub(&source)
        .args(["import", "cotech"])
        .arg(&fixture)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let output = coophub(&source)
        .args(["admin", "create", "--email", "steward@example.coop"])
        .env("COOPHUB_ADMIN_PASSWORD", "steward passphrase")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    let backup = source.data_path("backup.ndjson");
    let output = coophub(&source)
        .args(["export", "--output"])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let to_stdout = coophub(&source).arg("export").output().unwrap();
    assert_eq!(
        to_stdout.stdout,
        std::fs::read(&backup).unwrap(),
        "--output and standard output agree"
    );

    let target = TestDatabase::create(backend);
    let output = coophub(&target)
        .args(["import", "ndjson"])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("restored "),
        "{}",
        stdout(&output)
    );
    let again = coophub(&target).arg("export").output().unwrap();
    assert_eq!(
        again.stdout, to_stdout.stdout,
        "the restored database exports the same bytes"
    );

    let output = coophub(&target)
        .args(["import", "ndjson"])
        .arg(&backup)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not empty"), "{}", stderr(&output));
}
