//! Statuses any operation may answer, whatever its handler: a token that is
//! sent is checked even where none is needed (401, never a silent downgrade
//! to anonymous); the middleware in front of every route refuses paths
//! holding control characters (400), URLs
//! too long to be worth reading (414) and clients with too many requests in
//! flight (429), and a database that cannot be reached answers 503. They are
//! added to every operation here, so the document lists every status the
//! server sends.

use serde_json::{Value, json};

/// `(status, description)` for every operation.
const EVERYWHERE: &[(&str, &str)] = &[
    (
        "414",
        "The URL is longer than the server reads (`uri_too_long`)",
    ),
    (
        "429",
        "Too many requests from this address at once, or too many attempts; see `Retry-After` (`rate_limited`)",
    ),
    (
        "503",
        "The database cannot be reached or is busy; try again (`service_unavailable`)",
    ),
];

/// For API operations (the operational endpoints read no token).
const WITH_TOKEN: (&str, &str) = (
    "401",
    "An `Authorization` header was sent but holds no valid bearer token; send none to ask anonymously (`unauthenticated`)",
);

/// For operations with path parameters.
const WITH_PATH: (&str, &str) = (
    "400",
    "The path holds NUL or another control character (`bad_request`), or a query parameter is invalid (`invalid_parameter`)",
);

fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    })
}

/// Adds the statuses every operation may answer to each one that does not
/// list them yet.
pub(super) fn add_shared_statuses(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, operations) in paths.iter_mut() {
        let api = path.starts_with("/api/");
        let Some(operations) = operations.as_object_mut() else {
            continue;
        };
        for operation in operations.values_mut() {
            let has_path = operation["parameters"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["in"] == "path"));
            let Some(responses) = operation
                .get_mut("responses")
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            let extra = EVERYWHERE
                .iter()
                .chain(has_path.then_some(&WITH_PATH))
                .chain(api.then_some(&WITH_TOKEN));
            for (status, description) in extra {
                responses
                    .entry(*status)
                    .or_insert_with(|| problem(description));
            }
        }
    }
}
