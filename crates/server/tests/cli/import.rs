//! `coophub import cotech`: the fixture on every run, the real directory in CI.

use std::path::PathBuf;

use coophub_testkit::{Backend, TestDatabase, backend_tests};
use serde_json::Value;

use crate::helpers::{coophub, serve, stderr, stdout};

backend_tests!(importing_the_fixture_twice_creates_then_changes_nothing);

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cotech")
}

fn import(db: &TestDatabase, dir: &std::path::Path) -> String {
    let output = coophub(db)
        .args(["import", "cotech"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

async fn slugs(base: &str, query: &str) -> (i64, Vec<String>) {
    let list: Value = reqwest::get(format!("{base}/api/v1/coops?per_page=100{query}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let slugs = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect();
    (list["total"].as_i64().unwrap(), slugs)
}

/// Every service category of the directory in `dir` (the site's 2025 list
/// and the labels its case studies use) stands for skills of the vocabulary.
fn every_service_category_maps(dir: &std::path::Path) {
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let mut labels: Vec<String> = Vec::new();
    for category in read("service_categories_2025.json")["categories"]
        .as_array()
        .unwrap()
    {
        labels.push(category["category"].as_str().unwrap().to_owned());
        for item in category["items"].as_array().unwrap() {
            labels.push(item.as_str().unwrap().to_owned());
        }
    }
    for study in read("case_studies.json").as_array().unwrap() {
        for service in study["services"].as_array().unwrap() {
            let label = service.as_str().unwrap();
            if label.contains('&') || label.chars().next().is_some_and(char::is_uppercase) {
                labels.push(label.to_owned());
            }
        }
    }
    let unmapped: Vec<&String> = labels
        .iter()
        .filter(|label| {
            coophub_domain::skills::service_category(label).is_none()
                && coophub_domain::skills::SEED
                    .iter()
                    .all(|s| !s.name.eq_ignore_ascii_case(label))
        })
        .collect();
    assert!(unmapped.is_empty(), "unmapped categories: {unmapped:?}");
}

async fn importing_the_fixture_twice_creates_then_changes_nothing(backend: Backend) {
    every_service_category_maps(&fixture());
    let db = TestDatabase::create(backend);
    let first = import(&db, &fixture());
    assert!(
        first.contains("co-ops: 8 created, 0 updated, 0 unchanged, 0 skipped"),
        "{first}"
    );
    for warning in [
        "fixture-bad-data: bad coordinates",
        "fixture-bad-data: unknown technology reference `not-a-known-technology`",
        "fixture-bad-data: website `ftp://example.invalid` is not an http(s) URL",
        "principle_six: slug `principle_six` imported as `principle-six`",
        "case studies: 1 created, 0 updated, 0 unchanged, 0 skipped",
        "case study fixture-study: unknown co-op reference `not-a-coop`",
    ] {
        assert!(
            first.contains(warning),
            "missing warning {warning:?} in {first}"
        );
    }
    let second = import(&db, &fixture());
    assert!(
        second.contains("co-ops: 0 created, 0 updated, 8 unchanged, 0 skipped"),
        "{second}"
    );

    let output = coophub(&db).arg("reindex").output().unwrap();
    assert!(
        stdout(&output).contains("search index rebuilt: 8 documents"),
        "{}",
        stderr(&output)
    );

    let base = serve(&db).await;
    let refused = coophub(&db).arg("reindex").output().unwrap();
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("is in use by another coophub process"),
        "a reindex leaves a running server's index alone: {}",
        stderr(&refused)
    );
    let (approved, _) = slugs(&base, "").await;
    assert_eq!(
        approved, 7,
        "current co-ops are approved, former ones lapsed"
    );
    let (_, postgres) = slugs(&base, "&technology=postgres").await;
    assert_eq!(
        postgres,
        [
            "autonomic",
            "common-knowledge",
            "fixture-bad-data",
            "outlandish"
        ]
    );
    let (_, django) = slugs(&base, "&technology=django").await;
    assert_eq!(django, ["animorph", "autonomic", "common-knowledge"]);
    let founding: Value = reqwest::get(format!("{base}/api/v1/coops/autonomic"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(founding["membership"]["origin"], "founding");
    crate::relevance::check(&base, &fixture()).await;
    let former = reqwest::get(format!("{base}/api/v1/coops/alpha-communication"))
        .await
        .unwrap();
    assert_eq!(former.status(), 404, "lapsed co-ops are not public");
}

/// The real directory, which a fresh clone does not have: `.ci/run` runs this
/// with `--ignored`, on SQLite and PostgreSQL.
#[actix_web::test]
#[ignore = "reads ../shared/data/cotech (COOPHUB_COTECH_DIR); .ci/run runs it"]
async fn the_real_cotech_directory_imports_as_the_network_expects() {
    let dir = std::env::var_os("COOPHUB_COTECH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/cotech")
        });
    assert!(
        dir.join("coops.json").is_file(),
        "no coops.tech directory at {}",
        dir.display()
    );
    every_service_category_maps(&dir);
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDatabase::create(backend);
        let first = import(&db, &dir);
        assert!(
            first.contains("co-ops: 59 created, 0 updated, 0 unchanged, 0 skipped"),
            "{backend:?}: {first}"
        );
        let second = import(&db, &dir);
        assert!(
            second.contains("co-ops: 0 created, 0 updated, 59 unchanged, 0 skipped"),
            "{backend:?}: {second}"
        );
        crate::tenders::import(&db);
        let base = serve(&db).await;
        let (public, all_public) = slugs(&base, "").await;
        assert_eq!(public, 29, "{backend:?}");
        let (_, postgres) = slugs(&base, "&technology=postgres").await;
        assert_eq!(
            postgres,
            [
                "autonomic",
                "co-operative-web",
                "common-knowledge",
                "digital-society",
                "go-free-range",
                "outlandish"
            ],
            "{backend:?}"
        );
        let (_, django) = slugs(&base, "&technology=django").await;
        assert_eq!(
            django,
            ["animorph", "autonomic", "common-knowledge"],
            "{backend:?}"
        );
        crate::relevance::check(&base, &dir).await;
        crate::tenders::check(&base, &all_public).await;
    }
}
