//! `coophub export` and `coophub import ndjson`; `coophub backup` beside a
//! running server.

use coophub_testkit::{Backend, TestDatabase, backend_tests};

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{
    ServerProcess, Steward, coophub, start_server, start_server_with, stderr, stdout,
};

backend_tests!(
    export_then_import_ndjson_round_trips_through_the_binary,
    a_copy_taken_while_writes_go_on_holds_every_acknowledged_write,
);

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

/// Co-ops written one after another while `coophub backup` runs: the copy
/// holds every co-op acknowledged before the copy began, and is the database
/// of one moment (the first k writes, no gaps); a server started on it serves
/// them and finds them by search. On PostgreSQL the command refuses, naming
/// the tools that do the job there.
async fn a_copy_taken_while_writes_go_on_holds_every_acknowledged_write(backend: Backend) {
    let db = TestDatabase::create(backend);
    let server = start_server(&db, &["serve"]);
    let steward = Steward::sign_in(&db, &server).await;
    let copy = db.data_path("copy.sqlite3");
    if db.is_postgres() {
        let output = coophub(&db).arg("backup").arg(&copy).output().unwrap();
        assert!(!output.status.success());
        assert!(stderr(&output).contains("pg_dump"), "{}", stderr(&output));
        assert!(!copy.exists());
        return;
    }

    let acknowledged = Rc::new(Cell::new(0_usize));
    let stop = Rc::new(Cell::new(false));
    let writer = {
        let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
        let (address, steward) = (server.address.clone(), steward.clone());
        actix_web::rt::spawn(async move {
            while !stop.get() {
                let n = acknowledged.get();
                steward
                    .post(&address, "/api/v1/coops", &copied_coop(n))
                    .await;
                acknowledged.set(n + 1);
            }
        })
    };
    while acknowledged.get() < 20 {
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    let before = acknowledged.get();
    let backup = {
        let mut command = coophub(&db);
        command.arg("backup").arg(&copy);
        actix_web::rt::task::spawn_blocking(move || command.output().unwrap())
    };
    let output = backup.await.unwrap();
    let after = acknowledged.get();
    stop.set(true);
    writer.await.unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    // A second copy to the same file is refused, not merged into it.
    let again = coophub(&db).arg("backup").arg(&copy).output().unwrap();
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("exists already"),
        "{}",
        stderr(&again)
    );
    server.stop();

    let elsewhere = tempfile::tempdir().unwrap();
    let restored = start_server_with(
        &db,
        &["serve"],
        &[
            ("COOPHUB_DATABASE_URL", copy.to_str().unwrap()),
            ("COOPHUB_DATA_DIR", elsewhere.path().to_str().unwrap()),
        ],
    );
    let steward = Steward::log_in(&restored).await;
    let found = steward
        .get(
            &restored.address,
            "/api/v1/search?q=zebrafinch&type=coop&per_page=1",
        )
        .await;
    let total = usize::try_from(found["total"].as_u64().unwrap()).unwrap();
    assert!(
        total >= before,
        "{total} of the {before} acknowledged before the copy"
    );
    assert!(total <= after + 1, "{total}: more than were ever written");
    for n in [0, before - 1, total - 1] {
        steward
            .get(&restored.address, &format!("/api/v1/coops/copied-{n}"))
            .await;
    }
    let past = restored_status(&steward, &restored, total).await;
    assert_eq!(past, 404, "the copy is one moment: no co-op after the last");
    restored.stop();
}

/// The status of the co-op written `n`th on the restored server.
async fn restored_status(steward: &Steward, server: &ServerProcess, n: usize) -> u16 {
    steward
        .client
        .get(format!("http://{}/api/v1/coops/copied-{n}", server.address))
        .bearer_auth(&steward.token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn copied_coop(n: usize) -> Value {
    json!({
        "slug": format!("copied-{n}"), "name": format!("Copied Co-op {n}"),
        "summary": "A zebrafinch worker co-op",
        "location": {"locality": "Leeds", "country": "gb"},
        "legal_form": "cooperative_society", "organisational_structure": "worker_coop",
    })
}
