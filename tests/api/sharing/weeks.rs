//! A person's week: the open offers of one named person, with their
//! placements outside those offers, never promise more days a week than
//! the person has (the days they declared, else five) on any date, however
//! many offers are written at once.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::Network;
use crate::helpers::assert_problem;

backend_tests!(
    offers_never_promise_more_of_a_person_than_their_week,
    a_declared_week_is_the_limit_and_paused_offers_promise_nothing,
    fifty_concurrent_offers_of_one_person_fit_their_week,
);

/// An offer of Grace for `days` a week over these dates, with `status`.
fn grace(net: &Network, days: f64, start: &str, end: &str, status: &str) -> Value {
    let mut body = net.offer_body(days, true);
    body["start"] = json!(start);
    body["end"] = json!(end);
    body["status"] = json!(status);
    body
}

async fn post(net: &Network, body: &Value) -> reqwest::Response {
    net.app
        .post_json("/api/v1/offers", body, Some(&net.lender))
        .await
}

async fn put(net: &Network, offer: &Value, body: &Value) -> reqwest::Response {
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    net.app
        .send(Method::PUT, &path, Some(body), Some(&net.lender), None)
        .await
}

async fn made(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn offers_never_promise_more_of_a_person_than_their_week(backend: Backend) {
    let net = Network::start(backend).await;
    // Grace declared nothing: her week is five days.
    let first = net.offer(3.0, true).await;
    made(post(&net, &grace(&net, 2.0, "2027-02-01", "2027-04-30", "open")).await).await;
    let third = grace(&net, 1.0, "2027-03-01", "2027-03-14", "open");
    let problem = assert_problem(post(&net, &third).await, 409, "over_capacity").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("more of Grace Hopper than the 5 days a week"),
        "{problem}"
    );
    assert_eq!(
        problem["conflicts"],
        json!([{"message": "from 2027-03-01 to 2027-03-14 the person has 0 days a week free",
                "start": "2027-03-01", "end": "2027-03-14", "free_days_per_week": 0.0,
                "limit": "person"}])
    );
    // After the first offer ends there is room.
    made(post(&net, &grace(&net, 1.0, "2027-04-01", "2027-04-30", "open")).await).await;

    // Saying an offer again does not count it twice; asking more of it does.
    let again = net.offer_body(3.0, true);
    assert_eq!(put(&net, &first, &again).await.status(), StatusCode::OK);
    let more = net.offer_body(3.5, true);
    let problem = assert_problem(put(&net, &first, &more).await, 409, "over_capacity").await;
    assert_eq!(problem["conflicts"][0]["start"], "2027-02-01");
    assert_eq!(problem["conflicts"][0]["end"], "2027-03-28");

    // A closed offer promises nothing more, but its accepted placements
    // keep their days.
    let placement = net.placement(&first, 3.0, "2027-01-04", "2027-01-31").await;
    let res = net.act(&placement, "accept", None, &net.lender).await;
    assert_eq!(res.status(), StatusCode::OK);
    let closed = grace(&net, 3.0, "2027-01-04", "2027-03-28", "closed");
    assert_eq!(put(&net, &first, &closed).await.status(), StatusCode::OK);
    let january = grace(&net, 2.5, "2027-01-04", "2027-01-17", "open");
    let problem = assert_problem(post(&net, &january).await, 409, "over_capacity").await;
    assert_eq!(problem["conflicts"][0]["free_days_per_week"], 2.0);
    made(post(&net, &grace(&net, 2.0, "2027-01-04", "2027-01-17", "open")).await).await;
    // A role names nobody and fills nobody's week.
    let res = net
        .app
        .post_json(
            "/api/v1/offers",
            &net.offer_body(5.0, false),
            Some(&net.lender),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

async fn a_declared_week_is_the_limit_and_paused_offers_promise_nothing(backend: Backend) {
    let net = Network::start(backend).await;
    let ada = json!({"name": "Ada Lovelace", "days_per_week": 2, "available_from": "2027-01-04",
                     "skills": [{"skill": "Rust", "level": 5, "interest": 5}]});
    let res = net
        .app
        .post_json("/api/v1/coops/lend-coop/people", &ada, Some(&net.lender))
        .await;
    let ada = made(res).await["id"].as_str().unwrap().to_owned();
    let offer = |days: f64, status: &str| {
        let mut body = grace(&net, days, "2027-01-04", "2027-03-28", status);
        body["person_id"] = json!(ada);
        body
    };
    made(post(&net, &offer(1.5, "open")).await).await;
    let problem = assert_problem(post(&net, &offer(1.0, "open")).await, 409, "over_capacity").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("than the 2 days a week they have"),
        "{problem}"
    );
    assert_eq!(problem["conflicts"][0]["free_days_per_week"], 0.5);
    // Paused, it promises nothing; opened again, it must fit.
    let paused = made(post(&net, &offer(1.0, "paused")).await).await;
    let problem = assert_problem(
        put(&net, &paused, &offer(1.0, "open")).await,
        409,
        "over_capacity",
    )
    .await;
    assert_eq!(problem["conflicts"][0]["limit"], "person");
    assert_eq!(
        put(&net, &paused, &offer(0.5, "open")).await.status(),
        StatusCode::OK
    );
}

/// The `i`th offer's dates: two to four weeks, starting a week later every tenth.
fn dates(i: usize) -> (String, String) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + Duration::weeks((i / 10) as i64);
    let end = start + Duration::weeks(2 + (i % 3) as i64) - Duration::days(1);
    (start.to_string(), end.to_string())
}

async fn fifty_concurrent_offers_of_one_person_fit_their_week(backend: Backend) {
    let net = Network::start(backend).await;
    let offers = (0..50).map(|i| {
        let (start, end) = dates(i);
        let body = grace(&net, 0.5, &start, &end, "open");
        let net = &net;
        async move {
            let res = post(net, &body).await;
            (res.status(), res.json::<Value>().await.unwrap())
        }
    });
    let answers = join_all(offers).await;
    let mut by_date: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let mut refused = 0;
    for (status, body) in &answers {
        match status.as_u16() {
            201 => {
                let start: NaiveDate = body["start"].as_str().unwrap().parse().unwrap();
                let end: NaiveDate = body["end"].as_str().unwrap().parse().unwrap();
                for day in start.iter_days().take_while(|day| *day <= end) {
                    *by_date.entry(day).or_default() += 1;
                }
            }
            409 => {
                refused += 1;
                assert_eq!(body["code"], "over_capacity", "{body}");
                assert_eq!(body["conflicts"][0]["limit"], "person", "{body}");
                assert!(body["conflicts"][0]["start"].is_string(), "{body}");
            }
            other => panic!("an offer answered {other}: {body}"),
        }
    }
    let busiest = by_date.values().max().copied().unwrap_or(0);
    assert_eq!(
        busiest, 10,
        "Grace's week fills on its busiest date, never more"
    );
    assert!(refused > 0 && refused < 50, "{refused} refused");
    // What is stored says the same as the answers.
    let path = format!("/api/v1/offers?person_id={}&per_page=100", net.grace_id);
    let listed: Value = net.app.get_json(&path, Some(&net.lender)).await;
    assert_eq!(listed["total"], 50 - refused);
}
