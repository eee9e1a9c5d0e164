//! Tenders on the real directory: notices shaped like real UK ones
//! (`tests/fixtures/ocds/uk-tenders-release-package.json`) ranked for the
//! directory's co-ops as a bid coordinator would look at them.

use serde_json::Value;

use crate::helpers::{coophub, stderr};
use coophub_testkit::TestDatabase;

/// Imports the UK tenders into `db` with `coophub import ocds`.
pub fn import(db: &TestDatabase) {
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ocds/uk-tenders-release-package.json");
    let output = coophub(db)
        .args(["import", "ocds"])
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

async fn ranked(base: &str, slug: &str) -> Vec<Value> {
    let list: Value = reqwest::get(format!("{base}/api/v1/coops/{slug}/opportunities"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list["items"].as_array().unwrap().clone()
}

fn title(item: &Value) -> &str {
    item["opportunity"]["title"].as_str().unwrap()
}

/// Webarchitects (Sheffield: business systems, hosting) sees the city's
/// parking back-office system by its words and its place; grounds
/// maintenance ranks for no co-op of the directory.
pub async fn check(base: &str, public_slugs: &[String]) {
    let webarchitects = ranked(base, "webarchitects").await;
    let parking = webarchitects
        .iter()
        .find(|item| title(item) == "Civil Parking Enforcement Back Office System")
        .unwrap_or_else(|| panic!("not ranked for Webarchitects: {webarchitects:?}"));
    assert_eq!(parking["place"]["name"], "Sheffield", "{parking}");
    assert!(parking["place"]["distance_km"].as_f64().unwrap() < 10.0);
    assert!(
        parking["covered"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["slug"] == "business-systems" && c["because"]["kind"] == "words"),
        "{parking}"
    );
    for slug in public_slugs {
        let list = ranked(base, slug).await;
        assert!(
            list.iter()
                .all(|item| title(item) != "Grounds maintenance of parks and open spaces"),
            "{slug}"
        );
        for item in &list {
            assert!(
                !item["covered"].as_array().unwrap().is_empty(),
                "{slug}: {item}"
            );
        }
    }
}
