//! The checked-in OpenAPI document must match the one the code generates.

const CHECKED_IN: &str = include_str!("../../openapi/openapi.json");

#[test]
fn the_checked_in_openapi_document_is_up_to_date() {
    let generated = coophub_api::spec_json().unwrap();
    assert!(
        generated == CHECKED_IN,
        "openapi/openapi.json is out of date; regenerate it with:\n    \
         cargo run -q -p coophub-server -- openapi > openapi/openapi.json"
    );
}
