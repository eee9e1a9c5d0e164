//! The authorisation matrix: every route of the OpenAPI document, called by
//! everyone who might call it, against the status the rules give each of
//! them. A route the document has and the matrix lacks (or the other way
//! round) fails the test, so a new route cannot land without its row. Every
//! private thing carries a marker word, and no answer to an outsider, on any
//! route, may contain it, nor anything the uninvolved co-op's webhook hears;
//! what is for the network's members only (contact details) carries another,
//! which no answer to a caller outside the network may contain.

mod directory;
mod money;
mod pages;
mod sharing;
mod world;

use std::collections::{BTreeMap, BTreeSet};

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::Value;

use crate::helpers::TestApp;
use world::{CALLERS, MARKER, NETWORK_MARKER, World};

backend_tests!(every_route_answers_every_caller_as_the_rules_say);

/// One route: what is sent, and the status each caller gets, in the order
/// of [`CALLERS`]. `{kind}` in the path or body is the current thing of that
/// kind (see [`World::fill`]).
pub struct Row {
    method: Method,
    path: &'static str,
    body: Option<Value>,
    expect: [u16; 7],
}

/// Methods, as the rows write them.
pub const GET: &str = "GET";
pub const POST: &str = "POST";
pub const PUT: &str = "PUT";
pub const PATCH: &str = "PATCH";
pub const DELETE: &str = "DELETE";
/// Statuses of a route open to everyone, or to every signed-in caller.
pub const EVERYONE: [u16; 7] = [200; 7];
pub const SIGNED_IN: [u16; 7] = [401, 200, 200, 200, 200, 200, 200];

/// A row of the matrix.
pub fn row(method: &str, path: &'static str, body: Option<Value>, expect: [u16; 7]) -> Row {
    Row {
        method: method.parse().unwrap(),
        path,
        body,
        expect,
    }
}

/// Callers who may see no private thing: anonymous, of no co-op, uninvolved.
const OUTSIDERS: usize = 3;
/// Callers outside the network: anonymous, of no co-op.
const NOT_MEMBERS: usize = 2;

async fn every_route_answers_every_caller_as_the_rules_say(backend: Backend) {
    let app = TestApp::spawn_with(backend, crate::webhooks::quick_deliveries).await;
    let security = documented_security(&app).await;
    let documented: BTreeSet<String> = security.keys().cloned().collect();
    let mut world = World::build(app).await;
    let rows: Vec<Row> = [sharing::rows(), money::rows(), directory::rows()]
        .into_iter()
        .flatten()
        .collect();
    let covered: BTreeSet<String> = rows.iter().map(|r| route_key(&r.method, r.path)).collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    let undocumented: Vec<_> = covered.difference(&documented).collect();
    assert!(
        missing.is_empty() && undocumented.is_empty(),
        "routes without a row: {missing:?}; rows for no route: {undocumented:?}"
    );

    let mut wrong = declared_security_disagreements(&rows, &security);
    for row in &rows {
        for (column, expected) in row.expect.iter().enumerate() {
            let (path, body) = world.prepare(row.path, row.body.as_ref()).await;
            let token = world.tokens[column].clone();
            let res = world
                .app
                .send(
                    row.method.clone(),
                    &path,
                    body.as_ref(),
                    token.as_deref(),
                    None,
                )
                .await;
            let status = res.status();
            let media = res
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            let text = res.text().await.unwrap();
            let what = format!("{} {} by the {}", row.method, row.path, CALLERS[column]);
            if status.as_u16() != *expected {
                let start: String = text.chars().take(400).collect();
                wrong.push(format!("{what}: {status}, expected {expected} ({start})"));
            } else if let Some(problem) = refusal_problem(status.as_u16(), &media, &text) {
                wrong.push(format!("{what}: {problem}"));
            }
            if column < OUTSIDERS && text.contains(MARKER) {
                wrong.push(format!("{what}: the answer shows a private thing"));
            }
            if column < NOT_MEMBERS && text.contains(NETWORK_MARKER) {
                wrong.push(format!(
                    "{what}: the answer shows the network's contact details"
                ));
            }
            if status.is_success() && matches!(row.method, Method::POST | Method::DELETE) {
                for kind in kinds(row.path) {
                    world.renew(kind).await;
                }
            }
        }
    }
    for body in world.uninvolved_heard().await {
        if body.contains(MARKER) {
            wrong.push(format!(
                "the uninvolved co-op's webhook heard a private thing: {body}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of the matrix's answers are wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// What is wrong with a refusal's answer, if anything: a 401, 403 or 404 is
/// a problem document of that status whose `code` says which refusal.
fn refusal_problem(status: u16, media: &str, text: &str) -> Option<String> {
    let code = match status {
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        _ => return None,
    };
    if !media.starts_with("application/problem+json") {
        return Some(format!(
            "a {status} answered as {media}, not a problem document"
        ));
    }
    let Ok(problem) = serde_json::from_str::<Value>(text) else {
        return Some(format!("a {status} whose body is not JSON"));
    };
    let kind = format!("urn:coophub:problem:{code}");
    (problem["status"] != status || problem["code"] != code || problem["type"] != kind.as_str())
        .then(|| format!("a {status} answered with {problem}, expected code {code}"))
}

/// `METHOD /path` with every parameter written `{}`, the query left out.
fn route_key(method: &Method, path: &str) -> String {
    let path = path.split('?').next().unwrap_or_default();
    let mut key = format!("{method} ");
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => inside = true,
            '}' => {
                inside = false;
                key.push_str("{}");
            }
            _ if !inside => key.push(c),
            _ => {}
        }
    }
    key
}

/// The kinds a path template names, e.g. `offer` in `/offers/{offer}`.
fn kinds(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(kind, _)| kind))
        .collect()
}

/// Every operation of the served OpenAPI document, with the security it
/// declares (`Null` if none).
async fn documented_security(app: &TestApp) -> BTreeMap<String, Value> {
    let spec = app.get_json("/api/v1/openapi.json", None).await;
    let mut routes = BTreeMap::new();
    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            if ["get", "put", "post", "delete", "patch"].contains(&method.as_str()) {
                let method: Method = method.to_uppercase().parse().unwrap();
                routes.insert(route_key(&method, path), operation["security"].clone());
            }
        }
    }
    routes
}

/// Every operation declares its security (Swagger UI sends the token only
/// to those that do), as the rows find it: the bearer token alone where an
/// anonymous caller gets 401 (but for calendar feeds, which take a key
/// instead), else the token as optional (`{}` first).
fn declared_security_disagreements(
    rows: &[Row],
    security: &BTreeMap<String, Value>,
) -> Vec<String> {
    let optional = serde_json::json!([{}, {"bearer": []}]);
    let public = serde_json::json!([{}]);
    let required = serde_json::json!([{"bearer": []}]);
    let mut wrong = Vec::new();
    for row in rows {
        let key = route_key(&row.method, row.path);
        let Some(declared) = security.get(&key) else {
            continue;
        };
        // A calendar feed opens with its `key` instead of a token: a token is
        // optional there, though a caller with neither gets 401.
        let keyed = row.path.contains(".ics");
        let fits = if row.expect[0] == 401 && !keyed {
            *declared == required
        } else {
            *declared == optional || *declared == public
        };
        if !fits {
            wrong.push(format!(
                "{key} declares security {declared} but anonymous callers get {}",
                row.expect[0]
            ));
        }
    }
    wrong
}
