//! Nobody is named without consent: a case study credits another co-op only
//! once that co-op's admins confirm, and only its owner's admins change or
//! delete it. The attacks of the outside security test, sent as they were.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    an_unapproved_coop_cannot_credit_a_member,
    a_named_coop_is_credited_only_once_it_confirms,
    only_the_owner_deletes_and_a_network_admin_cannot_consent_for_a_coop,
    naming_a_hidden_coop_answers_as_naming_none,
);

/// A name nobody else uses, to look for in every answer.
const VICTIM: &str = "zebrafinch";

fn study(slug: &str, coops: &[&str]) -> Value {
    json!({"slug": slug, "title": "Council portal", "client": "A council", "coops": coops})
}

struct World {
    app: TestApp,
    steward: String,
    victim_admin: String,
    attacker: String,
}

/// An approved victim co-op, and an attacker with a co-op of their own.
async fn world(backend: Backend, attacker_approved: bool) -> World {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let victim_admin = app.user("victim@example.coop").await;
    approved_coop(&app, VICTIM, &victim_admin, &steward).await;
    let attacker = app.user("mallory@example.coop").await;
    if attacker_approved {
        approved_coop(&app, "mallory-coop", &attacker, &steward).await;
    } else {
        let res = app
            .post_json("/api/v1/coops", &coop("mallory-coop"), Some(&attacker))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    let res = app
        .post_json(
            "/api/v1/case-studies",
            &study("forged", &["mallory-coop", VICTIM]),
            Some(&attacker),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    World {
        app,
        steward,
        victim_admin,
        attacker,
    }
}

/// Every public channel a case study shows in, as `token` sees them.
async fn channels(app: &TestApp, token: Option<&str>) -> String {
    let mut seen = String::new();
    for path in [
        "/api/v1/case-studies/forged".to_owned(),
        "/api/v1/case-studies".to_owned(),
        format!("/api/v1/case-studies?coop={VICTIM}"),
        "/api/v1/case-studies?coop=mallory-coop".to_owned(),
    ] {
        let res = app.get(&path, token).await;
        // The answers only: the paths name the victim themselves.
        seen.push_str(&res.text().await.unwrap());
        seen.push('\n');
    }
    seen
}

fn credited(list: &Value) -> Vec<String> {
    list["coops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{}:{}",
                c["slug"].as_str().unwrap(),
                c["consent"].as_str().unwrap()
            )
        })
        .collect()
}

async fn an_unapproved_coop_cannot_credit_a_member(backend: Backend) {
    let w = world(backend, false).await;
    // Outsiders see nothing of it: its owner is not a member of the network.
    let anonymous = channels(&w.app, None).await;
    assert!(!anonymous.contains("Council portal"), "{anonymous}");
    assert!(!anonymous.contains(VICTIM), "{anonymous}");
    let res = w
        .app
        .get(&format!("/api/v1/case-studies?coop={VICTIM}"), None)
        .await;
    let list: Value = res.json().await.unwrap();
    assert_eq!(list["total"], 0);
    // The victim's admin sees what waits for them, marked pending.
    let study: Value = w
        .app
        .get("/api/v1/case-studies/forged", Some(&w.victim_admin))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        credited(&study),
        ["mallory-coop:owner", &format!("{VICTIM}:pending")]
    );
}

async fn a_named_coop_is_credited_only_once_it_confirms(backend: Backend) {
    let w = world(backend, true).await;
    // Published by a member co-op, it shows; the victim is not credited.
    let anonymous = channels(&w.app, None).await;
    assert!(anonymous.contains("Council portal"), "{anonymous}");
    assert!(!anonymous.contains(VICTIM), "{anonymous}");
    let member = w.app.user("bystander@example.coop").await;
    approved_coop(&w.app, "bystander-coop", &member, &w.steward).await;
    let network = channels(&w.app, Some(&member)).await;
    assert!(
        !network.contains(VICTIM),
        "pending co-ops are for those who decide: {network}"
    );
    // Listing the victim's studies shows the victim's admins what waits for them.
    let list: Value = w
        .app
        .get(
            &format!("/api/v1/case-studies?coop={VICTIM}"),
            Some(&w.victim_admin),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);

    // The attacker cannot answer for the victim.
    let confirm = json!({"coop": VICTIM, "answer": "confirm"});
    let path = "/api/v1/case-studies/forged/consent";
    let res = w.app.post_json(path, &confirm, Some(&w.attacker)).await;
    assert_problem(res, 403, "forbidden").await;
    let res = w.app.post_json(path, &confirm, Some(&w.victim_admin)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let anonymous = channels(&w.app, None).await;
    assert!(
        anonymous.contains(VICTIM),
        "credited once confirmed: {anonymous}"
    );

    // Declining (even after confirming) removes the co-op from the study.
    let decline = json!({"coop": VICTIM, "answer": "decline"});
    let res = w.app.post_json(path, &decline, Some(&w.victim_admin)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let anonymous = channels(&w.app, None).await;
    assert!(!anonymous.contains(VICTIM), "{anonymous}");
    let res = w.app.post_json(path, &decline, Some(&w.victim_admin)).await;
    assert_problem(res, 404, "not_found").await;

    // Naming it again needs its consent again.
    let res = w
        .app
        .send(
            Method::PUT,
            "/api/v1/case-studies/forged",
            Some(&study("forged", &["mallory-coop", VICTIM])),
            Some(&w.attacker),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let anonymous = channels(&w.app, None).await;
    assert!(!anonymous.contains(VICTIM), "{anonymous}");
    // And the owner cannot be dropped from its own study.
    let res = w
        .app
        .send(
            Method::PUT,
            "/api/v1/case-studies/forged",
            Some(&study("forged", &[VICTIM])),
            Some(&w.attacker),
            None,
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["pointer"], "/coops");
}

async fn only_the_owner_deletes_and_a_network_admin_cannot_consent_for_a_coop(backend: Backend) {
    let w = world(backend, true).await;
    let path = "/api/v1/case-studies/forged";
    let confirm = json!({"coop": VICTIM, "answer": "confirm"});
    let res = w
        .app
        .post_json(&format!("{path}/consent"), &confirm, Some(&w.steward))
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = w
        .app
        .post_json(&format!("{path}/consent"), &confirm, Some(&w.victim_admin))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // A credited co-op's admin may decline, not delete or rewrite the study.
    let res = w
        .app
        .send(Method::DELETE, path, None, Some(&w.victim_admin), None)
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = w
        .app
        .send(
            Method::PATCH,
            path,
            Some(&json!({"title": "Mine now"})),
            Some(&w.victim_admin),
            None,
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = w
        .app
        .send(Method::DELETE, path, None, Some(&w.attacker), None)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NO_CONTENT,
        "the owner's admin deletes it"
    );
}

/// The outside test: naming a co-op the caller may not see answered 403, an
/// unknown slug 422, which told that the hidden co-op exists.
async fn naming_a_hidden_coop_answers_as_naming_none(backend: Backend) {
    let w = world(backend, true).await;
    let applicant = w.app.user("quiet@example.coop").await;
    let res = w
        .app
        .post_json("/api/v1/coops", &coop("quiet-coop"), Some(&applicant))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // Outside the network: with no co-op, and with a co-op that only applied.
    let stranger = w.app.user("stranger@example.coop").await;
    let other = w.app.user("other@example.coop").await;
    let res = w
        .app
        .post_json("/api/v1/coops", &coop("other-coop"), Some(&other))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    for (token, named) in [
        (&stranger, vec!["quiet-coop"]),
        (&other, vec!["other-coop", "quiet-coop"]),
    ] {
        let body = |hidden: bool| {
            let coops: Vec<&str> = named
                .iter()
                .map(|slug| match *slug {
                    "quiet-coop" if !hidden => "no-such-coop",
                    other => other,
                })
                .collect();
            study("probe", &coops)
        };
        let path = "/api/v1/case-studies";
        let hidden = w.app.post_json(path, &body(true), Some(token)).await;
        let unknown = w.app.post_json(path, &body(false), Some(token)).await;
        let hidden = assert_problem(hidden, 422, "validation_failed").await;
        let unknown = assert_problem(unknown, 422, "validation_failed").await;
        assert_eq!(hidden["errors"], unknown["errors"], "{named:?}");
        assert_eq!(
            hidden["errors"][0]["pointer"],
            format!("/coops/{}", named.len() - 1)
        );
    }
}
