//! Writes that hold under concurrency: many clients changing one record at
//! once. Without `If-Match` every write succeeds in some order (last write
//! wins: never 412, never 5xx); with one shared `If-Match` exactly one wins
//! and the others get 412 with the current `ETag`. Invariants (one admin
//! left, membership transitions, merged skills) hold whatever the order.

use std::collections::BTreeMap;

use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::TestApp;

backend_tests!(
    fifty_coop_updates_without_if_match_all_succeed,
    fifty_coop_updates_with_one_if_match_let_exactly_one_win,
    fifty_patches_of_different_fields_lose_none,
    fifty_person_updates_without_if_match_all_succeed,
    fifty_person_updates_with_one_if_match_let_exactly_one_win,
    racing_membership_decisions_never_fail,
    two_admins_stepping_down_at_once_leave_one_admin,
    racing_skill_merges_and_updates_never_fail,
);

const WRITERS: usize = 50;

/// Skill names that stay apart ("tool-2" would be read as version 2 of "tool").
const TOOLS: [&str; 7] = [
    "alpaca", "badger", "caribou", "dingo", "eland", "ferret", "gecko",
];

/// Statuses counted, e.g. {200: 49, 412: 1}.
fn tally(answers: &[(StatusCode, Option<String>)]) -> BTreeMap<u16, usize> {
    let mut counts = BTreeMap::new();
    for (status, _) in answers {
        *counts.entry(status.as_u16()).or_default() += 1;
    }
    counts
}

/// Sends every request at once; answers each status and `ETag`.
async fn all_at_once(
    app: &TestApp,
    method: Method,
    path: &str,
    bodies: &[Value],
    token: &str,
    if_match: Option<&str>,
) -> Vec<(StatusCode, Option<String>)> {
    let sends = bodies.iter().map(|body| {
        let method = method.clone();
        async move {
            let res = app
                .send(method, path, Some(body), Some(token), if_match)
                .await;
            let etag = res
                .headers()
                .get("etag")
                .map(|v| v.to_str().unwrap().to_owned());
            (res.status(), etag)
        }
    });
    join_all(sends).await
}

fn coop_writes() -> Vec<Value> {
    (0..WRITERS)
        .map(|i| {
            let mut body = coop("busy");
            body["summary"] = json!(format!("write {i}"));
            body["technologies"] = json!([TOOLS[i % 7], "postgres"]);
            body
        })
        .collect()
}

async fn busy_coop(backend: Backend) -> (TestApp, String) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "busy", &owner, &admin).await;
    (app, owner)
}

/// Fifty different updates of one approved co-op (version 2), sent at once.
async fn fifty_coop_writes(
    backend: Backend,
    if_match: Option<&str>,
) -> (TestApp, Vec<(StatusCode, Option<String>)>) {
    let (app, owner) = busy_coop(backend).await;
    let path = "/api/v1/coops/busy";
    let answers = all_at_once(&app, Method::PUT, path, &coop_writes(), &owner, if_match).await;
    (app, answers)
}

async fn fifty_coop_updates_without_if_match_all_succeed(backend: Backend) {
    let (app, answers) = fifty_coop_writes(backend, None).await;
    assert_eq!(
        tally(&answers),
        BTreeMap::from([(200, WRITERS)]),
        "{backend:?}"
    );
    let versions: std::collections::BTreeSet<_> = answers.iter().map(|(_, e)| e.clone()).collect();
    assert_eq!(versions.len(), WRITERS, "each write made its own version");

    let last: Value = app
        .get("/api/v1/coops/busy", None)
        .await
        .json()
        .await
        .unwrap();
    // 1 at creation, 2 after approval, then one version per write.
    assert_eq!(last["version"], 2 + WRITERS);
    let summary = last["summary"].as_str().unwrap();
    let i: usize = summary.strip_prefix("write ").unwrap().parse().unwrap();
    let techs: Vec<_> = last["technologies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(techs, [TOOLS[i % 7], "postgresql"], "one whole write");
}

async fn fifty_coop_updates_with_one_if_match_let_exactly_one_win(backend: Backend) {
    let (app, answers) = fifty_coop_writes(backend, Some("\"2\"")).await;
    assert_eq!(
        tally(&answers),
        BTreeMap::from([(200, 1), (412, WRITERS - 1)]),
        "{backend:?}"
    );
    for (status, etag) in &answers {
        assert_eq!(
            etag.as_deref(),
            Some("\"3\""),
            "{status}: the current version"
        );
    }
    let last: Value = app
        .get("/api/v1/coops/busy", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(last["version"], 3, "the losers changed nothing");
}

async fn fifty_patches_of_different_fields_lose_none(backend: Backend) {
    let (app, owner) = busy_coop(backend).await;
    // Half change the sectors, half the clients: a patch merged onto a stale
    // read would put back the other field's old value.
    let patches: Vec<Value> = (0..WRITERS)
        .map(|i| match i % 2 {
            0 => json!({"sectors": [format!("sector {i}")]}),
            _ => json!({"clients": [format!("client {i}")]}),
        })
        .collect();
    let path = "/api/v1/coops/busy";
    let answers = all_at_once(&app, Method::PATCH, path, &patches, &owner, None).await;
    assert_eq!(
        tally(&answers),
        BTreeMap::from([(200, WRITERS)]),
        "{backend:?}"
    );
    let last: Value = app.get(path, None).await.json().await.unwrap();
    assert_eq!(last["version"], 2 + WRITERS);
    let sector = last["sectors"][0].as_str().unwrap();
    let client = last["clients"][0].as_str().unwrap();
    assert!(sector.starts_with("sector "), "{sector}");
    assert!(
        client.starts_with("client "),
        "{client}: the clients write was kept"
    );
}

async fn busy_person(backend: Backend) -> (TestApp, String, String) {
    let (app, owner) = busy_coop(backend).await;
    let res = app
        .post_json("/api/v1/coops/busy/people", &person_write(0), Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (app, owner, format!("/api/v1/people/{id}"))
}

fn person_write(i: usize) -> Value {
    json!({
        "name": format!("Writer {i}"),
        "headline": "Developer",
        "skills": [{"skill": TOOLS[i % 5], "level": 3, "interest": 3}],
        "visibility": "public"
    })
}

async fn fifty_person_updates_without_if_match_all_succeed(backend: Backend) {
    let (app, owner, path) = busy_person(backend).await;
    let writes: Vec<_> = (0..WRITERS).map(person_write).collect();
    let answers = all_at_once(&app, Method::PUT, &path, &writes, &owner, None).await;
    assert_eq!(
        tally(&answers),
        BTreeMap::from([(200, WRITERS)]),
        "{backend:?}"
    );
    let last: Value = app.get(&path, None).await.json().await.unwrap();
    assert_eq!(last["version"], 1 + WRITERS);
    let i: usize = last["name"].as_str().unwrap()["Writer ".len()..]
        .parse()
        .unwrap();
    assert_eq!(last["skills"][0]["slug"], TOOLS[i % 5], "one whole write");
}

async fn fifty_person_updates_with_one_if_match_let_exactly_one_win(backend: Backend) {
    let (app, owner, path) = busy_person(backend).await;
    let writes: Vec<_> = (0..WRITERS).map(person_write).collect();
    let answers = all_at_once(&app, Method::PUT, &path, &writes, &owner, Some("\"1\"")).await;
    assert_eq!(
        tally(&answers),
        BTreeMap::from([(200, 1), (412, WRITERS - 1)]),
        "{backend:?}"
    );
    assert!(
        answers
            .iter()
            .all(|(_, etag)| etag.as_deref() == Some("\"2\""))
    );
}

async fn racing_membership_decisions_never_fail(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let res = app
        .post_json("/api/v1/coops", &coop("applicant"), Some(&owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // Approvals, lapses, removals and fund changes all at once: each either
    // applies to the status it finds or is refused as a transition (409).
    let decisions: Vec<Value> = (0..40)
        .map(|i| match i % 4 {
            0 => json!({"action": "approve"}),
            1 => json!({"action": "lapse"}),
            2 => json!({"action": "set_fund_contribution", "fund_contribution": "paying"}),
            _ => json!({"action": "invite"}),
        })
        .collect();
    let answers = all_at_once(
        &app,
        Method::POST,
        "/api/v1/coops/applicant/membership",
        &decisions,
        &admin,
        None,
    )
    .await;
    let counts = tally(&answers);
    assert!(
        counts.keys().all(|status| [200, 409].contains(status)),
        "{backend:?}: {counts:?}"
    );
    let applied = counts.get(&200).copied().unwrap_or(0);
    assert!(applied >= 10, "every fund change applies: {counts:?}");
    let last: Value = app
        .get("/api/v1/coops/applicant", Some(&admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        last["version"],
        1 + applied,
        "one version per applied decision"
    );
}

async fn two_admins_stepping_down_at_once_leave_one_admin(backend: Backend) {
    let (app, owner) = busy_coop(backend).await;
    let second = app.user("grace@example.coop").await;
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/busy/users",
            Some(&json!({"email": "grace@example.coop", "role": "admin"})),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    for round in 0..3 {
        let step_down = |token: &str, email: &str| {
            let body = json!({"email": email, "role": "member"});
            let token = token.to_owned();
            let app = &app;
            async move {
                app.send(
                    Method::PUT,
                    "/api/v1/coops/busy/users",
                    Some(&body),
                    Some(&token),
                    None,
                )
                .await
                .status()
            }
        };
        let (a, b) = futures_util::join!(
            step_down(&owner, "ada@example.coop"),
            step_down(&second, "grace@example.coop")
        );
        let mut got = [a.as_u16(), b.as_u16()];
        got.sort_unstable();
        // Whichever is decided first steps down; the other is then the last admin.
        assert_eq!(got, [200, 409], "{backend:?} round {round}");
        // Whoever is still admin makes the other one admin again.
        let (admin, other) = if a == StatusCode::OK {
            (&second, "ada@example.coop")
        } else {
            (&owner, "grace@example.coop")
        };
        let res = app
            .send(
                Method::PUT,
                "/api/v1/coops/busy/users",
                Some(&json!({"email": other, "role": "admin"})),
                Some(admin),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "an admin is left");
    }
    // Alone again, the last admin is told why, at the input that conflicts.
    let demote = |email: &str| json!({"email": email, "role": "member"});
    let path = "/api/v1/coops/busy/users";
    let res = app
        .send(
            Method::PUT,
            path,
            Some(&demote("grace@example.coop")),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send(
            Method::PUT,
            path,
            Some(&demote("ada@example.coop")),
            Some(&owner),
            None,
        )
        .await;
    let problem = crate::helpers::assert_problem(res, 409, "last_admin").await;
    assert_eq!(problem["conflicts"][0]["pointer"], "/role");
}

async fn racing_skill_merges_and_updates_never_fail(backend: Backend) {
    let (app, owner) = busy_coop(backend).await;
    let steward = app
        .login("steward@example.coop", crate::helpers::PASSWORD)
        .await;
    // Every update lists five skills while four of them are merged into the first.
    let mut body = coop("busy");
    body["technologies"] = json!(TOOLS[..5]);
    let res = app
        .send(
            Method::PUT,
            "/api/v1/coops/busy",
            Some(&body),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let updates = async {
        let writes = vec![body.clone(); 20];
        all_at_once(
            &app,
            Method::PUT,
            "/api/v1/coops/busy",
            &writes,
            &owner,
            None,
        )
        .await
    };
    let merges = async {
        join_all((1..5).map(|i| {
            let steward = steward.clone();
            let app = &app;
            async move {
                app.post_json(
                    &format!("/api/v1/skills/{}/merge", TOOLS[i]),
                    &json!({"into": TOOLS[0]}),
                    Some(&steward),
                )
                .await
                .status()
            }
        }))
        .await
    };
    let (updated, merged) = futures_util::join!(updates, merges);
    assert_eq!(tally(&updated), BTreeMap::from([(200, 20)]), "{backend:?}");
    assert!(
        merged.iter().all(|s| *s == StatusCode::OK),
        "{backend:?}: {merged:?}"
    );
    let last: Value = app
        .get("/api/v1/coops/busy", None)
        .await
        .json()
        .await
        .unwrap();
    let techs: Vec<_> = last["technologies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        techs,
        [TOOLS[0]],
        "every spelling now means the first skill"
    );
}
