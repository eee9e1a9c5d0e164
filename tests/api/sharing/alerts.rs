//! Alerts on offers of time and on people: a new or changed offer or
//! profile tells each alert once, with the reasons, only when the alert's
//! reader may see it, and never of their own co-op's. Network-only people
//! and availability never reach readers outside the network, in any word.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::Network;
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    offers_and_people_tell_each_alert_once_and_only_what_its_reader_sees,
    alert_filters_must_be_those_of_their_subject,
);

async fn save(app: &TestApp, token: &str, body: Value) {
    let res = app.post_json("/api/v1/me/alerts", &body, Some(token)).await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
}

async fn person(net: &Network, body: Value) -> Value {
    let res = net
        .app
        .post_json("/api/v1/coops/lend-coop/people", &body, Some(&net.lender))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    res.json().await.unwrap()
}

async fn offers_and_people_tell_each_alert_once_and_only_what_its_reader_sees(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    let outsider = app.user("eve@example.org").await;
    save(
        app,
        &net.asker,
        json!({"name": "Rust help", "coop": "ask-coop", "subject": "offers", "skills": ["rust"],
               "min_level": 4, "work_mode": "remote", "min_days_per_week": 2}),
    )
    .await;
    save(
        app,
        &outsider,
        json!({"name": "Any Rust", "subject": "offers", "skills": ["Rust"]}),
    )
    .await;
    save(
        app,
        &net.lender,
        json!({"name": "Our own", "subject": "offers", "skills": ["rust"]}),
    )
    .await;

    let offer = net.offer(2.5, false).await;
    let asked = app.told(&net.asker, "offer.matched").await;
    assert_eq!(
        asked,
        [
            "lend-coop’s offer “Rust developer” matches the alert “Rust help”: \
          offers Rust (level 5); remote; 2.5 days a week"
                .replace("lend-coop", &coop_name(app, "lend-coop").await)
        ],
    );
    assert_eq!(app.told(&outsider, "offer.matched").await.len(), 1);
    assert!(
        app.told(&net.lender, "offer.matched").await.is_empty(),
        "never of one's own co-op"
    );

    // Changing or reconfirming the offer tells nobody again.
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    let body = json!({"coop": "lend-coop", "title": "Rust and Postgres developer",
        "skills": [{"skill": "rust", "level": 5}], "days_per_week": 2.5,
        "start": "2027-01-04", "end": "2027-03-28", "work_mode": "remote"});
    let res = app
        .send(Method::PUT, &path, Some(&body), Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    let res = app
        .send(
            Method::POST,
            &format!("{path}/reconfirm"),
            None,
            Some(&net.lender),
            None,
        )
        .await;
    assert!(res.status().is_success(), "{:?}", res.text().await);
    assert_eq!(app.told(&net.asker, "offer.matched").await.len(), 1);
    // Too little time for the co-op's alert; a paused offer for anyone.
    net.offer(1.0, false).await;
    assert_eq!(app.told(&net.asker, "offer.matched").await.len(), 1);
    assert_eq!(app.told(&outsider, "offer.matched").await.len(), 2);
    let paused = json!({"coop": "lend-coop", "title": "Paused Rust", "status": "paused",
        "skills": [{"skill": "rust", "level": 5}], "days_per_week": 3,
        "start": "2027-01-04", "end": "2027-03-28", "work_mode": "remote"});
    let res = app
        .post_json("/api/v1/offers", &paused, Some(&net.lender))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
    assert_eq!(app.told(&outsider, "offer.matched").await.len(), 2);

    // People: free days are network-only, so are network-only profiles.
    save(
        app,
        &net.asker,
        json!({"name": "Free Rustaceans", "subject": "people", "skills": ["rust"],
               "min_days_per_week": 2}),
    )
    .await;
    save(
        app,
        &net.newcomer,
        json!({"name": "Free anyone", "subject": "people", "min_days_per_week": 0.5}),
    )
    .await;
    save(
        app,
        &net.newcomer,
        json!({"name": "Rust people", "subject": "people", "skills": ["rust"]}),
    )
    .await;
    person(
        &net,
        json!({"name": "Ada Lovelace", "visibility": "public", "days_per_week": 3,
               "available_from": "2027-01-11",
               "skills": [{"skill": "Rust", "level": 3, "interest": 4}]}),
    )
    .await;
    person(
        &net,
        json!({"name": "Zed Quietmarker", "days_per_week": 4, "available_from": "2027-01-11",
               "skills": [{"skill": "Rust", "level": 4, "interest": 4}]}),
    )
    .await;
    let asked = app.told(&net.asker, "person.matched").await;
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert!(
        asked.iter().any(|s| s.starts_with("Ada Lovelace of ")
            && s.ends_with("has Rust (level 3); free 3 days a week from 2027-01-11")),
        "{asked:?}"
    );
    let newcomer = app.told(&net.newcomer, "person.matched").await;
    assert_eq!(newcomer.len(), 1, "{newcomer:?}");
    assert!(
        newcomer[0].starts_with("Ada Lovelace of ") && !newcomer[0].contains("free"),
        "only the public profile, without availability: {newcomer:?}"
    );
    let everything = app
        .get_json("/api/v1/me/notifications?per_page=100", Some(&net.newcomer))
        .await
        .to_string();
    assert!(!everything.contains("Quietmarker"), "{everything}");

    let listed = app.get_json("/api/v1/me/alerts", Some(&net.asker)).await;
    let mut subjects: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["subject"].as_str().unwrap())
        .collect();
    subjects.sort_unstable();
    assert_eq!(subjects, ["offers", "people"]);
    let offers = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["subject"] == "offers")
        .unwrap();
    assert_eq!(offers["filters"]["work_mode"], "remote");
}

async fn coop_name(app: &TestApp, slug: &str) -> String {
    let coop = app.get_json(&format!("/api/v1/coops/{slug}"), None).await;
    coop["name"].as_str().unwrap().to_owned()
}

async fn alert_filters_must_be_those_of_their_subject(backend: Backend) {
    let net = Network::start(backend).await;
    let bad = json!({"name": "Mixed", "subject": "people", "cpv": ["72000000"],
                     "work_mode": "remote", "min_level": 3, "min_days_per_week": 0.3});
    let res = net
        .app
        .post_json("/api/v1/me/alerts", &bad, Some(&net.asker))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        ["/cpv", "/work_mode", "/min_level", "/min_days_per_week"],
        "{problem}"
    );
    assert!(
        problem
            .to_string()
            .contains("applies only to alerts on opportunities")
    );
    let tender = json!({"name": "Tenders", "min_level": 2, "skills": ["rust"]});
    let res = net
        .app
        .post_json("/api/v1/me/alerts", &tender, Some(&net.asker))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/min_level"]
    );
}
