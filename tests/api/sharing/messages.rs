//! A placement's conversation and its agreed rate: both co-ops and the person placed talk and
//! are told; network admins see the placement but not what is said;
//! everyone else learns nothing.

use coophub_testkit::{Backend, backend_tests};
use serde_json::{Value, json};

use super::Network;
use crate::helpers::{assert_problem, pointers};

backend_tests!(
    both_sides_and_the_person_placed_talk_in_a_placement,
    the_agreed_rate_is_for_the_two_coops_only,
);

async fn both_sides_and_the_person_placed_talk_in_a_placement(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, true).await;
    let placement = net.placement(&offer, 1.0, "2027-02-01", "2027-02-26").await;
    let path = format!(
        "/api/v1/placements/{}/messages",
        placement["id"].as_str().unwrap()
    );
    let write = |token: &str, text: &str| {
        let (app, path, body) = (&net.app, path.clone(), json!({"text": text}));
        let token = token.to_owned();
        async move { app.post_json(&path, &body, Some(&token)).await }
    };
    let res = write(&net.asker, "Could she start on the 1st?").await;
    assert_eq!(res.status(), 201);
    let said: Value = res.json().await.unwrap();
    assert_eq!(said["author"]["coop"]["slug"], "ask-coop");
    assert_eq!(write(&net.grace, "Yes, I can").await.status(), 201);
    assert_eq!(write(&net.lender, "Confirmed").await.status(), 201);

    let read = net.app.get_json(&path, Some(&net.asker)).await;
    let texts: Vec<&str> = read["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Could she start on the 1st?", "Yes, I can", "Confirmed"]
    );
    assert_eq!(read["items"][1]["author"]["coop"]["slug"], "lend-coop");
    assert!(read["items"][1]["author"]["name"].is_string());

    let told = net.app.told(&net.grace, "placement.message").await;
    assert_eq!(
        told.len(),
        2,
        "Grace hears of the others' messages: {told:?}"
    );
    assert!(
        told.iter()
            .any(|t| t.contains("Could she start on the 1st?"))
    );
    let told = net.app.told(&net.lender, "placement.message").await;
    assert!(
        told.iter().all(|t| !t.contains("Confirmed")),
        "not of their own"
    );

    assert_problem(
        net.app.get(&path, Some(&net.steward)).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        net.app.get(&path, Some(&net.newcomer)).await,
        404,
        "not_found",
    )
    .await;
    let res = write(&net.asker, "").await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/text"]
    );
}

async fn the_agreed_rate_is_for_the_two_coops_only(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, true).await;
    let path = format!(
        "/api/v1/offers/{}/placements",
        offer["id"].as_str().unwrap()
    );
    let bad = json!({"requesting_coop": "ask-coop", "days_per_week": 1, "start": "2027-02-01",
                     "end": "2027-02-26", "agreed_day_rate": {"amount": -5, "currency": "pounds"}});
    let res = net.app.post_json(&path, &bad, Some(&net.asker)).await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/agreed_day_rate/amount", "/agreed_day_rate/currency"]
    );
    let body = json!({"requesting_coop": "ask-coop", "days_per_week": 1, "start": "2027-02-01",
                      "end": "2027-02-26", "agreed_day_rate": {"amount": 40000, "currency": "gbp"}});
    let res = net.app.post_json(&path, &body, Some(&net.asker)).await;
    assert_eq!(res.status(), 201);
    let placement: Value = res.json().await.unwrap();
    let rate = json!({"amount": 40000, "currency": "GBP"});
    assert_eq!(placement["agreed_day_rate"], rate);
    let shown = format!("/api/v1/placements/{}", placement["id"].as_str().unwrap());
    for (token, seen) in [
        (&net.lender, rate.clone()),
        (&net.asker, rate.clone()),
        (&net.grace, Value::Null),
        (&net.steward, Value::Null),
    ] {
        assert_eq!(
            net.app.get_json(&shown, Some(token)).await["agreed_day_rate"],
            seen
        );
    }
}
