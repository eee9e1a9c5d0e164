//! The NDJSON backup is lossless: restore it into a new database and export
//! again, and the bytes are the same.

use coophub_store::{PoolOptions, Store, backup};
use coophub_testkit::{Backend, TestDatabase, backend_tests};
use reqwest::Method;
use serde_json::json;

use crate::coops::{approved_coop, coop};
use crate::helpers::TestApp;

backend_tests!(a_backup_restores_to_the_same_bytes);

pub(crate) fn export(url: &str) -> Vec<u8> {
    let store = Store::connect(url, PoolOptions::default()).unwrap();
    let mut out = Vec::new();
    backup::export(&mut store.conn().unwrap(), &mut out).unwrap();
    out
}

async fn a_backup_restores_to_the_same_bytes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "kept", &owner, &admin).await;
    approved_coop(&app, "removed", &owner, &admin).await;
    app.send(
        Method::DELETE,
        "/api/v1/coops/removed",
        None,
        Some(&owner),
        None,
    )
    .await;
    app.send(
        Method::PUT,
        "/api/v1/coops/kept/users",
        Some(&json!({"email": "steward@example.coop", "role": "member"})),
        Some(&owner),
        None,
    )
    .await;
    let person = json!({"name": "Grace", "skills": [{"skill": "Brand New Skill", "level": 3, "interest": 5}],
                        "days_per_week": 1.5, "available_from": "2027-02-01", "day_rate": 400, "visibility": "public"});
    app.post_json("/api/v1/coops/kept/people", &person, Some(&owner))
        .await;
    let study = json!({"slug": "study", "title": "T", "client": "C", "coops": ["kept"], "skills": ["Rust"], "links": []});
    app.post_json("/api/v1/case-studies", &study, Some(&owner))
        .await;
    app.post_json("/api/v1/coops", &coop("applicant"), Some(&owner))
        .await;
    crate::claims::unclaimed_coop(&app, "unclaimed", "https://unclaimed.example").await;
    let claim = json!({"message": "I run it"});
    app.post_json("/api/v1/coops/unclaimed/claims", &claim, Some(&owner))
        .await;

    let original = export(app.database_url());
    let text = String::from_utf8(original.clone()).unwrap();
    for table in [
        "users",
        "skills",
        "skill_aliases",
        "coops",
        "coop_skills",
        "coop_roles",
        "coop_claims",
        "people",
        "person_skills",
        "case_studies",
        "case_study_coops",
        "case_study_skills",
        "tombstones",
    ] {
        assert!(
            text.contains(&format!("{{\"table\":\"{table}\"")),
            "no {table} rows in the backup"
        );
    }

    let copy = TestDatabase::create(backend);
    let store = Store::connect(copy.url(), PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let restored = backup::restore(&mut store.conn().unwrap(), &mut original.as_slice()).unwrap();
    assert_eq!(restored, text.lines().count());
    assert_eq!(
        export(copy.url()),
        original,
        "export → restore → export changed the data"
    );

    // A second restore into the now full database is refused and changes nothing.
    let error = backup::restore(&mut store.conn().unwrap(), &mut original.as_slice()).unwrap_err();
    assert!(error.to_string().contains("not empty"), "{error}");
    assert_eq!(export(copy.url()), original);

    // A row written before text was checked (SQLite could store NUL) is named,
    // not left to PostgreSQL's "invalid byte sequence", and nothing is restored.
    let dirty = text.replacen(
        "\"name\":\"Co-op kept\"",
        "\"name\":\"Co-op\\u0000kept\"",
        1,
    );
    assert_ne!(dirty, text);
    let fresh = TestDatabase::create(backend);
    let store = Store::connect(fresh.url(), PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let error = backup::restore(&mut store.conn().unwrap(), &mut dirty.as_bytes()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("line") && message.contains("`name`"),
        "{message}"
    );
    assert!(message.contains("control character"), "{message}");
}
