//! Every mutating endpoint, asked by nobody (401), by a user of another co-op
//! (403) and by someone allowed (2xx).

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{PASSWORD, TestApp, assert_problem};

backend_tests!(every_mutating_endpoint_checks_who_asks);

/// Who may make a change.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Allowed {
    /// An admin of the co-op concerned.
    CoopAdmin,
    /// Network admins only.
    NetworkAdmin,
    /// The person whose profile it is.
    LinkedUser,
}

async fn every_mutating_endpoint_checks_who_asks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let network_admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let other = app.user("eve@example.coop").await;
    let linked = app.user("grace@example.coop").await;
    approved_coop(&app, "walk-coop", &owner, &network_admin).await;
    approved_coop(&app, "other-coop", &other, &network_admin).await;
    let mut person = json!({"name": "Grace", "linked_user_email": "grace@example.coop",
                            "days_per_week": 2, "available_from": "2027-01-04"});
    let res = app
        .post_json("/api/v1/coops/walk-coop/people", &person, Some(&owner))
        .await;
    let person_path = format!(
        "/api/v1/people/{}",
        res.json::<Value>().await.unwrap()["id"].as_str().unwrap()
    );
    let study = json!({"slug": "walk-study", "title": "T", "client": "C", "coops": ["walk-coop"]});
    app.post_json("/api/v1/case-studies", &study, Some(&owner))
        .await;
    let extra = json!({"slug": "extra-study", "title": "T", "client": "C", "coops": ["walk-coop"]});
    let mut merged = coop("merge-source");
    merged["technologies"] = json!(["Walkthrough Skill"]);
    app.post_json("/api/v1/coops", &merged, Some(&owner)).await;

    person["headline"] = json!("Edited");
    let coop_body = coop("walk-coop");
    let new_person = json!({"name": "Someone"});
    let role = json!({"email": "grace@example.coop", "role": "member"});
    let lapse = json!({"action": "lapse"});
    let merge = json!({"into": "rust"});
    let summary = json!({"summary": "Patched"});
    let headline = json!({"headline": "Patched"});
    let title = json!({"title": "Patched"});
    let reconfirm = format!("{person_path}/availability/reconfirm");
    // Deletions last: they remove what the earlier rows act on.
    let cases: Vec<(Method, &str, Option<&Value>, Allowed)> = vec![
        (
            Method::PUT,
            "/api/v1/coops/walk-coop",
            Some(&coop_body),
            Allowed::CoopAdmin,
        ),
        (
            Method::PATCH,
            "/api/v1/coops/walk-coop",
            Some(&summary),
            Allowed::CoopAdmin,
        ),
        (
            Method::PUT,
            "/api/v1/coops/walk-coop/users",
            Some(&role),
            Allowed::CoopAdmin,
        ),
        (
            Method::POST,
            "/api/v1/coops/walk-coop/people",
            Some(&new_person),
            Allowed::CoopAdmin,
        ),
        (
            Method::PUT,
            &person_path,
            Some(&person),
            Allowed::LinkedUser,
        ),
        (
            Method::PATCH,
            &person_path,
            Some(&headline),
            Allowed::LinkedUser,
        ),
        (Method::POST, &reconfirm, None, Allowed::LinkedUser),
        (
            Method::POST,
            "/api/v1/case-studies",
            Some(&extra),
            Allowed::CoopAdmin,
        ),
        (
            Method::PUT,
            "/api/v1/case-studies/walk-study",
            Some(&study),
            Allowed::CoopAdmin,
        ),
        (
            Method::PATCH,
            "/api/v1/case-studies/walk-study",
            Some(&title),
            Allowed::CoopAdmin,
        ),
        (
            Method::POST,
            "/api/v1/skills/walkthrough-skill/merge",
            Some(&merge),
            Allowed::NetworkAdmin,
        ),
        (
            Method::POST,
            "/api/v1/coops/walk-coop/membership",
            Some(&lapse),
            Allowed::NetworkAdmin,
        ),
        (
            Method::DELETE,
            "/api/v1/case-studies/walk-study",
            None,
            Allowed::CoopAdmin,
        ),
        (Method::DELETE, &person_path, None, Allowed::CoopAdmin),
        (
            Method::DELETE,
            "/api/v1/coops/walk-coop",
            None,
            Allowed::CoopAdmin,
        ),
    ];
    for (method, path, body, allowed) in cases {
        let what = format!("{method} {path}");
        let res = app.send(method.clone(), path, body, None, None).await;
        assert_eq!(res.status(), 401, "anonymous {what}");
        assert_problem(res, 401, "unauthenticated").await;
        let res = app
            .send(method.clone(), path, body, Some(&other), None)
            .await;
        assert_eq!(res.status(), 403, "another co-op's admin: {what}");
        assert_problem(res, 403, "forbidden").await;
        if allowed == Allowed::NetworkAdmin {
            let res = app
                .send(method.clone(), path, body, Some(&owner), None)
                .await;
            assert_eq!(res.status(), 403, "the co-op's admin: {what}");
        }
        let token = match allowed {
            Allowed::CoopAdmin => &owner,
            Allowed::NetworkAdmin => &network_admin,
            Allowed::LinkedUser => &linked,
        };
        let res = app
            .send(method.clone(), path, body, Some(token), None)
            .await;
        assert!(
            res.status().is_success(),
            "{what} by the right user: {}",
            res.status()
        );
    }

    // Open to any signed-in user, never to anonymous clients.
    let res = app.post_json("/api/v1/coops", &coop("anyone"), None).await;
    assert_problem(res, 401, "unauthenticated").await;
    let res = app
        .post_json("/api/v1/coops", &coop("anyone"), Some(&other))
        .await;
    assert_eq!(res.status(), 201);
    let change = json!({"current_password": PASSWORD, "new_password": "a different passphrase"});
    let res = app.post_json("/api/v1/me/password", &change, None).await;
    assert_problem(res, 401, "unauthenticated").await;
}
