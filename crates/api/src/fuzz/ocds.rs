//! The OCDS importer's reader (`coophub import-ocds` and
//! `POST /api/v1/opportunities/import` both go through it).

use coophub_domain::bidding::read_package;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::{any_json, assert_plain_words_about, mutated, points_into};

/// A small release package of the shape UK publishers send.
fn package() -> Value {
    json!({"releases": [{
        "ocid": "ocds-fuzz-1", "id": "1", "date": "2026-11-10T09:00:00Z", "tag": ["tender"],
        "buyer": {"id": "GB-1", "name": "A council"},
        "parties": [{"id": "GB-1", "name": "A council", "roles": ["buyer"]}],
        "tender": {"title": "A website", "status": "active",
                   "value": {"amount": 1000.5, "currency": "GBP"},
                   "classification": {"scheme": "CPV", "id": "72413000"},
                   "tenderPeriod": {"endDate": "2027-02-28T12:00:00Z"},
                   "lots": [{"id": "1", "title": "Lot one", "value": {"amount": "20", "currency": "GBP"}}],
                   "documents": [{"url": "https://example.org/notice"}]}
    }]})
}

fn check(document: &Value) {
    let count = |key| {
        document
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    match read_package(document, chrono::Utc::now()) {
        Ok(package) => {
            assert!(package.releases.len() <= count("releases").max(count("records")));
            for warning in &package.warnings {
                assert!(points_into(document, &warning.pointer), "{warning:?}");
                assert_plain_words_about(document, &warning.pointer, &warning.message);
            }
        }
        Err(errors) => {
            assert!(!errors.0.is_empty(), "refused without saying why");
            for error in &errors.0 {
                assert!(points_into(document, &error.pointer), "{error:?}");
                assert_plain_words_about(document, &error.pointer, &error.message);
            }
        }
    }
}

#[test]
fn the_seed_package_is_read() {
    let package = read_package(&package(), chrono::Utc::now()).unwrap();
    assert_eq!(package.releases.len(), 1);
}

proptest! {
    #[test]
    fn any_document_is_read_or_refused_at_its_pointers(document in any_json()) {
        check(&document);
    }

    #[test]
    fn a_package_wrong_in_one_place_is_read_or_refused_there(document in mutated(package())) {
        check(&document);
    }
}
