//! Offers and requests: create, show, list, replace, reconfirm, delete;
//! who sees what (rates, hidden people, lapsed offers).

use chrono::Duration;
use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::Network;
use crate::helpers::{assert_problem, pointers};

backend_tests!(
    an_offer_is_made_shown_and_listed_with_rates_for_members_only,
    an_offer_lapses_after_thirty_days_unless_reconfirmed,
    a_request_is_made_and_its_budget_is_for_members_only,
    listings_refuse_bad_input_with_every_problem_at_once,
    only_the_coops_admins_change_its_listings,
);

async fn an_offer_is_made_shown_and_listed_with_rates_for_members_only(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.5, true).await;
    assert_eq!(offer["days_per_week"], 2.5);
    assert_eq!(offer["person"]["name"], "Grace Hopper");
    assert_eq!(offer["skills"][0]["slug"], "rust");
    assert_eq!(offer["skills"][1]["slug"], "postgresql");
    assert_eq!(offer["day_rate"]["amount"], 45000);
    assert_eq!(offer["lapsed"], false);
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());

    // Outsiders see the offer, not its rates, nor Grace (her profile is network-only).
    let res = net.app.get(&path, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let outside: Value = res.json().await.unwrap();
    assert!(outside.get("day_rate").is_none() && outside.get("robin_hood_rate").is_none());
    assert_eq!(outside["person"], Value::Null);
    assert_eq!(outside["named"], true);
    let text = outside.to_string();
    assert!(!text.contains("45000") && !text.contains("Grace"), "{text}");

    // Members of another co-op see rates and Grace.
    let inside: Value = net.app.get_json(&path, Some(&net.asker)).await;
    assert_eq!(inside["robin_hood_rate"]["amount"], 30000);
    assert_eq!(inside["person"]["name"], "Grace Hopper");

    // Lists, with filters; the same rules.
    let list: Value = net
        .app
        .get_json(
            "/api/v1/offers?skill=Rust&coop=lend-coop&work_mode=remote",
            None,
        )
        .await;
    assert_eq!(list["total"], 1);
    assert!(list["items"][0].get("day_rate").is_none());
    for empty in [
        "skill=cobol",
        "coop=ask-coop",
        "work_mode=onsite",
        "status=paused",
    ] {
        let list: Value = net
            .app
            .get_json(&format!("/api/v1/offers?{empty}"), Some(&net.asker))
            .await;
        assert_eq!(list["total"], 0, "{empty}");
    }
    let res = net.app.get("/api/v1/offers?colour=red&page=0", None).await;
    assert_problem(res, 400, "invalid_parameter").await;

    // A paused offer shows to its co-op only.
    let mut body = json!({"title": "Rust developer", "days_per_week": 2.5,
                          "start": "2027-01-04", "end": "2027-03-28", "work_mode": "remote",
                          "person_id": net.grace_id, "status": "paused"});
    let res = net
        .app
        .send(Method::PUT, &path, Some(&body), Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        net.app.get(&path, Some(&net.asker)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        net.app.get(&path, Some(&net.lender)).await.status(),
        StatusCode::OK
    );
    let listed: Value = net.app.get_json("/api/v1/offers", None).await;
    assert_eq!(listed["total"], 0);
    let own: Value = net.app.get_json("/api/v1/offers", Some(&net.lender)).await;
    assert_eq!(own["total"], 1);

    // The person offered stays; an offer with no placements can be deleted.
    body["person_id"] = Value::Null;
    let res = net
        .app
        .send(Method::PUT, &path, Some(&body), Some(&net.lender), None)
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/person_id"]
    );
    let res = net
        .app
        .send(Method::DELETE, &path, None, Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        net.app.get(&path, Some(&net.lender)).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn an_offer_lapses_after_thirty_days_unless_reconfirmed(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, false).await;
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    net.app.clock.advance(Duration::days(29));
    assert_eq!(net.app.get(&path, None).await.status(), StatusCode::OK);
    net.app.clock.advance(Duration::days(1));

    // Lapsed: out of lists and closed to requests, still readable by its co-op.
    assert_eq!(
        net.app.get(&path, Some(&net.asker)).await.status(),
        StatusCode::NOT_FOUND
    );
    let list: Value = net.app.get_json("/api/v1/offers", None).await;
    assert_eq!(list["total"], 0);
    let own: Value = net.app.get_json(&path, Some(&net.lender)).await;
    assert_eq!(own["lapsed"], true);
    let res = net.ask(&offer, 1.0, "2027-01-04", "2027-01-29").await;
    assert_problem(res, 404, "not_found").await;

    // Reconfirmed: back for another 30 days.
    let res = net
        .app
        .post_json(&format!("{path}/reconfirm"), &json!({}), Some(&net.asker))
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = net
        .app
        .post_json(&format!("{path}/reconfirm"), &json!({}), Some(&net.lender))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let renewed: Value = res.json().await.unwrap();
    assert_eq!(renewed["lapsed"], false);
    assert_eq!(renewed["version"], 2);
    let res = net.ask(&offer, 1.0, "2027-01-04", "2027-01-29").await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

async fn a_request_is_made_and_its_budget_is_for_members_only(backend: Backend) {
    let net = Network::start(backend).await;
    let body = json!({"coop": "ask-coop", "title": "Accessibility audit",
                      "skills": [{"skill": "a11y", "min_level": 3}], "days_per_week": 1,
                      "start": "2027-02-01", "end": "2027-02-26",
                      "budget": {"amount": 50000, "currency": "gbp"},
                      "project_kind": "social_good"});
    let res = net
        .app
        .post_json("/api/v1/requests", &body, Some(&net.asker))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let request: Value = res.json().await.unwrap();
    assert_eq!(request["budget"]["currency"], "GBP");
    assert_eq!(request["work_mode"], Value::Null);
    let path = format!("/api/v1/requests/{}", request["id"].as_str().unwrap());
    let outside: Value = net.app.get_json(&path, None).await;
    assert!(outside.get("budget").is_none(), "{outside}");
    let listed: Value = net
        .app
        .get_json(
            "/api/v1/requests?project_kind=social_good&skill=a11y",
            Some(&net.lender),
        )
        .await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["budget"]["amount"], 50000);

    // Filled: off the public list, still the co-op's.
    let mut filled = body.clone();
    filled["status"] = json!("filled");
    filled["coop"] = Value::Null;
    let res = net
        .app
        .send(
            Method::PUT,
            &path,
            Some(&filled),
            Some(&net.asker),
            Some("\"1\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        net.app.get(&path, None).await.status(),
        StatusCode::NOT_FOUND
    );
    let listed: Value = net.app.get_json("/api/v1/requests", None).await;
    assert_eq!(listed["total"], 0);
    let res = net
        .app
        .send(Method::DELETE, &path, None, Some(&net.asker), Some("\"1\""))
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    let res = net
        .app
        .send(Method::DELETE, &path, None, Some(&net.asker), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

async fn listings_refuse_bad_input_with_every_problem_at_once(backend: Backend) {
    let net = Network::start(backend).await;
    let bad = json!({"title": " ", "skills": [{"skill": "rust", "level": 9}],
                     "days_per_week": 5.5, "start": "2027-03-01", "end": "2027-02-01",
                     "work_mode": "remote", "latitude": 95,
                     "day_rate": {"amount": 100, "currency": "GBP"},
                     "robin_hood_rate": {"amount": 200, "currency": "GBP"}});
    let res = net
        .app
        .post_json("/api/v1/offers", &bad, Some(&net.lender))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        [
            "/coop",
            "/title",
            "/skills/0/level",
            "/days_per_week",
            "/end",
            "/robin_hood_rate",
            "/latitude"
        ]
    );
    let shapes = json!({"coop": "lend-coop", "title": "T", "days_per_week": "two",
                        "start": "soon", "end": "2027-02-01", "work_mode": "teleport"});
    let res = net
        .app
        .post_json("/api/v1/offers", &shapes, Some(&net.lender))
        .await;
    let problem = assert_problem(res, 422, "invalid_body").await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(found, ["/days_per_week", "/start", "/work_mode"]);
    assert!(!problem.to_string().contains("NaiveDate"), "{problem}");

    // Someone else's person cannot be offered.
    let stranger = json!({"coop": "ask-coop", "title": "T", "days_per_week": 1,
                          "start": "2027-01-04", "end": "2027-01-29", "work_mode": "remote",
                          "person_id": net.grace_id});
    let res = net
        .app
        .post_json("/api/v1/offers", &stranger, Some(&net.asker))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/person_id"]);
    let res = net
        .app
        .post_json(
            "/api/v1/requests",
            &json!({"title": "T", "days_per_week": 0,
            "start": "2027-01-04", "end": "2027-01-29", "coop": "ask-coop"}),
            Some(&net.asker),
        )
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/days_per_week"]
    );
}

async fn only_the_coops_admins_change_its_listings(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(1.0, true).await;
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    let body = json!({"title": "T", "days_per_week": 1, "start": "2027-01-04",
                      "end": "2027-01-29", "work_mode": "remote", "person_id": net.grace_id});
    for (token, status) in [
        (None, 401),
        (Some(&net.asker), 403),
        (Some(&net.grace), 403),
    ] {
        let res = net
            .app
            .send(
                Method::PUT,
                &path,
                Some(&body),
                token.map(|t| t.as_str()),
                None,
            )
            .await;
        assert_eq!(res.status().as_u16(), status);
    }
    // Creating for a co-op one does not administer.
    let mut other = body.clone();
    other["coop"] = json!("lend-coop");
    other["person_id"] = Value::Null;
    let res = net
        .app
        .post_json("/api/v1/offers", &other, Some(&net.asker))
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = net
        .app
        .post_json("/api/v1/offers", &other, Some(&net.steward))
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "network admins may administer any co-op"
    );
}
