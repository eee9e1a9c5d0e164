//! Property-based fuzzing of what reads hostile input: OCDS packages, JSON
//! Merge Patches and search query strings. proptest runs on stable; the
//! default test run tries 256 cases per target, and `.ci/run` runs these
//! again with many more (`PROPTEST_CASES`). Each target checks that reading
//! never panics, that every problem points at the input, and that the
//! problem is told in plain words.

mod merge_patch;
mod ocds;
mod search_query;

use proptest::prelude::*;
use serde_json::Value;

/// Any JSON document, nested a few levels, with the awkward strings
/// (control characters, NUL, astral planes) and numbers (huge, negative,
/// fractional) that clients send.
pub(crate) fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-z0-9 :.-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any_key(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Object keys: mostly names the readers know, sometimes anything.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KNOWN_KEYS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Keys that the OCDS reader and the co-op request read, so that generated
/// documents get past the first check often enough to reach deeper code.
const KNOWN_KEYS: &[&str] = &[
    "releases",
    "records",
    "compiledRelease",
    "ocid",
    "id",
    "date",
    "tag",
    "tender",
    "title",
    "description",
    "value",
    "amount",
    "currency",
    "tenderPeriod",
    "endDate",
    "startDate",
    "lots",
    "items",
    "classification",
    "scheme",
    "buyer",
    "parties",
    "roles",
    "name",
    "documents",
    "url",
    "status",
    "slug",
    "summary",
    "website",
    "location",
    "latitude",
    "longitude",
    "country",
    "region",
    "legal_form",
    "member_count",
    "technologies",
    "services",
    "sectors",
    "clients",
];

/// Fails when `message` leaks implementation words (Rust types, serde's own
/// phrasing) instead of saying in plain words what was expected.
pub(crate) fn assert_plain_words(message: &str) {
    const LEAKS: &[&str] = &[
        "::",
        "Option<",
        "Vec<",
        "String",
        "i64",
        "u32",
        "u64",
        "f64",
        "usize",
        "invalid type",
        "serde",
        "panicked",
        "unwrap",
    ];
    for leak in LEAKS {
        assert!(!message.contains(leak), "{message:?} says {leak:?}");
    }
    assert!(!message.trim().is_empty(), "an empty message");
}

/// [`assert_plain_words`] for a problem about the value at `pointer` of
/// `document`, which the message may quote (whole, or trimmed between
/// backticks).
pub(crate) fn assert_plain_words_about(document: &Value, pointer: &str, message: &str) {
    let own = match document.pointer(pointer).and_then(Value::as_str) {
        Some(quoted) if !quoted.is_empty() => message.replace(quoted, ""),
        _ => message.to_owned(),
    };
    let unquoted: String = own.split('`').step_by(2).collect();
    assert_plain_words(&unquoted);
}

/// Whether `pointer` names a value in `document`, or a missing member of one
/// (a required field that is absent is reported where it should be).
pub(crate) fn points_into(document: &Value, pointer: &str) -> bool {
    if pointer.is_empty() || document.pointer(pointer).is_some() {
        return true;
    }
    pointer
        .rsplit_once('/')
        .is_some_and(|(parent, _)| parent.is_empty() || document.pointer(parent).is_some())
}

/// `seed` with one value somewhere in it (or the whole) replaced by any JSON:
/// documents that are right but for one thing reach the deepest checks.
pub(crate) fn mutated(seed: Value) -> impl Strategy<Value = Value> {
    let mut pointers = vec![String::new()];
    collect_pointers(&seed, "", &mut pointers);
    (prop::sample::select(pointers), any_json()).prop_map(move |(pointer, value)| {
        let mut document = seed.clone();
        if let Some(slot) = document.pointer_mut(&pointer) {
            *slot = value;
        }
        document
    })
}

fn collect_pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
            .collect(),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let pointer = format!("{at}/{key}");
        out.push(pointer.clone());
        collect_pointers(child, &pointer, out);
    }
}
