//! Matching on a small fixture: the order, and why each offer fits; rates
//! count for members only, accepted time lowers the free time.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Network;

backend_tests!(offers_are_ranked_for_a_request_and_explain_why);

async fn offer(net: &Network, title: &str, skills: Value, days: f64, rate: i64) -> String {
    let body = json!({"coop": "lend-coop", "title": title, "skills": skills,
                      "days_per_week": days, "start": "2027-01-04", "end": "2027-03-28",
                      "work_mode": "remote", "day_rate": {"amount": rate, "currency": "GBP"}});
    let res = net
        .app
        .post_json("/api/v1/offers", &body, Some(&net.lender))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn titles(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["offer"]["title"].as_str().unwrap())
        .collect()
}

async fn offers_are_ranked_for_a_request_and_explain_why(backend: Backend) {
    let net = Network::start(backend).await;
    let both = json!([{"skill": "rust", "level": 5}, {"skill": "postgres", "level": 4}]);
    let pricey = offer(&net, "Pricey", both.clone(), 2.5, 45_000).await;
    let partial = offer(
        &net,
        "Partial",
        json!([{"skill": "rust", "level": 4}]),
        2.0,
        35_000,
    )
    .await;
    let best = offer(&net, "Best", both, 2.0, 38_000).await;
    offer(
        &net,
        "Elsewhere",
        json!([{"skill": "cobol", "level": 5}]),
        2.0,
        10_000,
    )
    .await;
    let body = json!({"coop": "ask-coop", "title": "Rust help",
                      "skills": [{"skill": "Rust", "min_level": 4}, {"skill": "postgresql", "min_level": 3}],
                      "days_per_week": 2, "start": "2027-01-04", "end": "2027-01-31",
                      "work_mode": "remote", "budget": {"amount": 40000, "currency": "GBP"}});
    let res = net
        .app
        .post_json("/api/v1/requests", &body, Some(&net.asker))
        .await;
    let request = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/requests/{request}/matches");

    let member: Value = net.app.get_json(&path, Some(&net.asker)).await;
    assert_eq!(titles(&member), ["Best", "Pricey", "Partial"]);
    assert_eq!(member["total"], 3);
    let top = &member["items"][0]["explanation"];
    assert_eq!(top["score"], 1.0);
    assert_eq!(top["rate_fit"], "within");
    assert_eq!(member["items"][1]["explanation"]["rate_fit"], "over");
    let partial_fit = &member["items"][2]["explanation"];
    assert_eq!(
        partial_fit["covered"],
        json!([{"slug": "rust", "offered_level": 4, "wanted_level": 4}])
    );
    assert_eq!(partial_fit["missing"], json!(["postgresql"]));

    // Outsiders: no rates, so none counts; ties go to the lower id.
    let outside: Value = net.app.get_json(&path, None).await;
    let text = outside.to_string();
    assert!(
        !text.contains("rate_fit") && !text.contains("45000"),
        "{text}"
    );
    let mut first_two = vec![best.clone(), pricey.clone()];
    first_two.sort();
    let shown: Vec<&str> = outside["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|m| m["offer"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(shown, first_two);

    // Accepted time lowers what is free: "Best" drops below "Pricey".
    let placement = net
        .placement(&json!({"id": best}), 1.0, "2027-01-04", "2027-01-17")
        .await;
    assert_eq!(
        net.act(&placement, "accept", None, &net.lender)
            .await
            .status(),
        StatusCode::OK
    );
    let member: Value = net.app.get_json(&path, Some(&net.asker)).await;
    assert_eq!(titles(&member), ["Pricey", "Best", "Partial"]);
    let best_fit = &member["items"][1]["explanation"];
    assert_eq!(
        best_fit["free"],
        json!([{"start": "2027-01-04", "end": "2027-01-17", "days_per_week": 1.0},
               {"start": "2027-01-18", "end": "2027-01-31", "days_per_week": 2.0}])
    );
    assert_eq!(best_fit["least_free_days_per_week"], 1.0);

    // The other way round: the request, for an offer, explained the same way.
    let back: Value = net
        .app
        .get_json(
            &format!("/api/v1/offers/{partial}/matches"),
            Some(&net.lender),
        )
        .await;
    assert_eq!(back["total"], 1);
    assert_eq!(back["items"][0]["request"]["title"], "Rust help");
    assert_eq!(back["items"][0]["explanation"], *partial_fit);
}
