use serde::Deserialize;
use serde_json::json;

use super::*;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Form {
    Cooperative,
    Llp,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Place {
    country: Option<String>,
    latitude: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Body {
    slug: String,
    form: Option<Form>,
    place: Place,
    levels: Vec<u8>,
    since: Option<chrono::NaiveDate>,
}

fn pointers<T>(shaped: &Shaped<T>) -> Vec<&str> {
    shaped
        .problems
        .0
        .iter()
        .map(|e| e.pointer.as_str())
        .collect()
}

#[test]
fn every_value_that_does_not_fit_is_reported_at_once() {
    let shaped: Shaped<Body> = read_all(json!({
        "slug": 7,
        "form": "charity",
        "place": {"country": 44, "latitude": "north"},
        "levels": [1, 300, "x"],
        "since": "next tuesday",
        "colour": "red"
    }));
    // In the order of the document's keys, which serde_json keeps sorted.
    assert_eq!(
        pointers(&shaped),
        [
            "/colour",
            "/form",
            "/levels/1",
            "/levels/2",
            "/place/country",
            "/place/latitude",
            "/since",
            "/slug"
        ]
    );
    assert!(shaped.value.is_some(), "stand-ins let the rest be checked");
    let messages: Vec<&str> = shaped
        .problems
        .0
        .iter()
        .map(|e| e.message.as_str())
        .collect();
    assert!(
        messages[0].starts_with("is not a field of this request"),
        "{}",
        messages[0]
    );
    assert_eq!(messages[1], "must be one of: cooperative, llp");
    assert_eq!(messages[2], "must be a whole number from 0 to 255");
    assert_eq!(
        messages[6],
        "must be a date as YYYY-MM-DD, such as 2027-01-04"
    );
    assert_eq!(messages[7], "must be text, not a whole number");
    for message in messages {
        for rust in ["u8", "f64", "i64", "Option", "struct", "`"] {
            assert!(!message.contains(rust), "{message}");
        }
    }
}

#[test]
fn a_missing_field_points_where_it_belongs() {
    let shaped: Shaped<Body> = read_all(json!({"place": {}, "levels": []}));
    assert_eq!(pointers(&shaped), ["/slug"]);
    assert_eq!(shaped.problems.0[0].message, "is required");
    let shaped: Shaped<Body> = read_all(json!({"slug": "a", "levels": []}));
    assert_eq!(pointers(&shaped), ["/place"]);
}
