//! JSON Merge Patches (`PATCH` of co-ops, people and case studies all read
//! through `extract::merge_patch`), here against a co-op.

use coophub_domain::coop::CoopInput;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::{any_json, assert_plain_words_about, mutated, points_into};
use crate::extract::merge_patch;
use crate::problem::ApiError;
use crate::routes::coops::CoopRequest;

/// A co-op as `PUT` would send it: what a patch applies to.
fn current() -> Value {
    json!({"slug": "leeds-web", "name": "Leeds Web", "summary": "We build sites.",
           "website": "https://leeds.example", "legal_form": "cooperative_society", "organisational_structure": "worker_coop",
           "location": {"locality": "Leeds", "country": "GB", "latitude": 53.8, "longitude": -1.5},
           "member_count": 7, "technologies": ["rust", "postgresql"], "services": ["web-development"],
           "sectors": ["charities"], "clients": ["A charity"], "happy_to_share_experience": true})
}

fn patched(patch: &Value) -> Result<CoopInput, ApiError> {
    let current: CoopRequest = serde_json::from_value(current()).unwrap();
    merge_patch::<CoopRequest>(&current, patch)?
        .check(|merged| Ok(CoopInput::parse(merged.into())?))
}

fn check(patch: &Value) {
    let mut merged = current();
    json_patch::merge(&mut merged, patch);
    match patched(patch) {
        Ok(_) => {}
        Err(ApiError::InvalidBody(problems) | ApiError::Validation(problems)) => {
            assert!(!problems.0.is_empty(), "refused without saying why");
            for problem in &problems.0 {
                assert!(
                    points_into(&merged, &problem.pointer),
                    "{problem:?} in {merged}"
                );
                // The current co-op is right: only what the patch sent is wrong.
                assert!(
                    problem.pointer.is_empty() || points_into(patch, &problem.pointer),
                    "{problem:?} is not in the patch {patch}"
                );
                assert_plain_words_about(&merged, &problem.pointer, &problem.message);
            }
        }
        Err(other) => panic!("a patch is answered {other:?}"),
    }
}

#[test]
fn the_empty_patch_and_the_current_document_change_nothing() {
    let current: CoopRequest = serde_json::from_value(current()).unwrap();
    // `CoopInput` has no equality of its own; its debug form shows every field.
    let unchanged = format!("{:?}", CoopInput::parse(current.into()).unwrap());
    assert_eq!(format!("{:?}", patched(&json!({})).unwrap()), unchanged);
    assert_eq!(
        format!("{:?}", patched(&self::current()).unwrap()),
        unchanged
    );
}

proptest! {
    #[test]
    fn any_patch_is_applied_or_refused_at_its_pointers(patch in any_json()) {
        check(&patch);
    }

    #[test]
    fn a_patch_wrong_in_one_place_is_refused_there(patch in mutated(current())) {
        check(&patch);
    }
}

#[test]
fn clearing_a_field_the_resource_does_not_have_is_refused_there() {
    // schemathesis found `{"": null}` accepted: the null vanished in the merge.
    for (patch, pointer) in [
        (json!({"": null}), "/"),
        (json!({"colour": null}), "/colour"),
        (json!({"location": {"planet": null}}), "/location/planet"),
    ] {
        match patched(&patch) {
            Err(ApiError::InvalidBody(problems)) => {
                assert_eq!(problems.0[0].pointer, pointer, "{patch}");
            }
            other => panic!("{patch} is answered {other:?}"),
        }
    }
}
