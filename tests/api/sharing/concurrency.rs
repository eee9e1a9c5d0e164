//! The sharing invariant under concurrency: 50 requests and 50 accepts at
//! once, against one offer and against two offers of one person (the
//! first paused, since both open would promise more than her week). Accepted
//! time never exceeds the offer's days a week, nor five days a week for the
//! person, on any date; every refusal is a 409 naming the conflict.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Network;

backend_tests!(
    fifty_concurrent_accepts_never_overbook_an_offer,
    fifty_concurrent_accepts_never_overbook_a_person_across_offers,
);

const REQUESTS: usize = 50;

/// The `i`th placement's dates: one to three weeks, starting a week later every fifth.
fn dates(i: usize) -> (String, String) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + Duration::weeks((i / 5) as i64);
    let end = start + Duration::weeks(1 + (i % 3) as i64) - Duration::days(1);
    (start.to_string(), end.to_string())
}

/// Asks `offers` (in turn) for one day a week, 50 times at once, then
/// accepts every placement at once; answers the accept statuses and bodies.
async fn race(net: &Network, offers: &[Value]) -> Vec<(StatusCode, Value)> {
    let placements = ask_all(net, offers, 0..REQUESTS).await;
    accept_all(net, &placements).await
}

/// Asks `offers` (in turn) for one day a week, for the `i`th dates of each
/// `i` in `which`, at once; answers the placements.
async fn ask_all(
    net: &Network,
    offers: &[Value],
    which: impl Iterator<Item = usize>,
) -> Vec<Value> {
    let asks = which.map(|i| {
        let (start, end) = dates(i);
        let offer = &offers[i % offers.len()];
        async move { net.ask(offer, 1.0, &start, &end).await }
    });
    let mut placements = Vec::new();
    for res in join_all(asks).await {
        assert_eq!(res.status(), StatusCode::CREATED);
        placements.push(res.json::<Value>().await.unwrap());
    }
    placements
}

/// Accepts every placement at once; answers the statuses and bodies.
async fn accept_all(net: &Network, placements: &[Value]) -> Vec<(StatusCode, Value)> {
    let accepts = placements.iter().map(|placement| async move {
        let res = net.act(placement, "accept", None, &net.lender).await;
        let status = res.status();
        (status, res.json::<Value>().await.unwrap())
    });
    join_all(accepts).await
}

/// Half days a week accepted on every date, from the placements listed.
async fn booked_by_date(net: &Network, offer: Option<&Value>) -> BTreeMap<NaiveDate, u32> {
    let mut path = "/api/v1/placements?state=accepted&per_page=100".to_owned();
    if let Some(offer) = offer {
        path.push_str(&format!("&offer_id={}", offer["id"].as_str().unwrap()));
    }
    let list: Value = net.app.get_json(&path, Some(&net.lender)).await;
    let mut by_date = BTreeMap::new();
    for placement in list["items"].as_array().unwrap() {
        let start: NaiveDate = placement["start"].as_str().unwrap().parse().unwrap();
        let end: NaiveDate = placement["end"].as_str().unwrap().parse().unwrap();
        let half_days = (placement["days_per_week"].as_f64().unwrap() * 2.0) as u32;
        for day in start.iter_days().take_while(|day| *day <= end) {
            *by_date.entry(day).or_default() += half_days;
        }
    }
    by_date
}

fn check_refusals(answers: &[(StatusCode, Value)]) -> usize {
    let mut accepted = 0;
    for (status, body) in answers {
        match status.as_u16() {
            200 => accepted += 1,
            409 => {
                assert_eq!(body["code"], "over_capacity", "{body}");
                let conflict = &body["conflicts"][0];
                assert!(
                    conflict["start"].is_string() && conflict["end"].is_string(),
                    "{body}"
                );
                assert!(
                    conflict["free_days_per_week"].as_f64().unwrap() < 1.0,
                    "{body}"
                );
            }
            other => panic!("accept answered {other}: {body}"),
        }
    }
    accepted
}

async fn fifty_concurrent_accepts_never_overbook_an_offer(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, false).await;
    let answers = race(&net, std::slice::from_ref(&offer)).await;
    let accepted = check_refusals(&answers);
    assert!(accepted >= 2, "some accepts must fit: {accepted}");
    assert!(accepted < REQUESTS, "not every accept can fit");
    let booked = booked_by_date(&net, Some(&offer)).await;
    let busiest = booked.values().max().copied().unwrap_or(0);
    assert!(
        busiest <= 4,
        "{busiest} half days booked on one date of a 2-day offer"
    );
    assert_eq!(busiest, 4, "the offer fills up on its busiest date");
}

/// Two offers of Grace of three days each cannot both be open (her week
/// is five days), but requests asked of the first before it was paused can
/// still be accepted beside the second: her week holds all the same.
async fn fifty_concurrent_accepts_never_overbook_a_person_across_offers(backend: Backend) {
    let net = Network::start(backend).await;
    let first = net.offer(3.0, true).await;
    let mut placements =
        ask_all(&net, std::slice::from_ref(&first), (0..REQUESTS).step_by(2)).await;
    let mut paused = net.offer_body(3.0, true);
    paused["status"] = json!("paused");
    let path = format!("/api/v1/offers/{}", first["id"].as_str().unwrap());
    let res = net
        .app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&paused),
            Some(&net.lender),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = net.offer(3.0, true).await;
    placements.extend(
        ask_all(
            &net,
            std::slice::from_ref(&second),
            (1..REQUESTS).step_by(2),
        )
        .await,
    );
    let answers = accept_all(&net, &placements).await;
    let accepted = check_refusals(&answers);
    assert!(accepted < REQUESTS);
    for offer in [&first, &second] {
        let booked = booked_by_date(&net, Some(offer)).await;
        assert!(
            booked.values().all(|half_days| *half_days <= 6),
            "{booked:?}"
        );
    }
    let person = booked_by_date(&net, None).await;
    let busiest = person.values().max().copied().unwrap_or(0);
    assert_eq!(
        busiest, 10,
        "Grace is fully booked on her busiest date, never more"
    );
    let person_refusals = answers
        .iter()
        .filter(|(_, body)| body["conflicts"][0]["limit"] == "person")
        .count();
    assert!(
        person_refusals > 0,
        "the five-day week refused some accepts"
    );
}
