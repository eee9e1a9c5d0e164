//! Offers and requests in the other channels: Murmurations profiles (no
//! rates), search with facets while they are open, and the stats.

use chrono::Duration;
use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::Network;

backend_tests!(
    offers_and_requests_are_murmurations_profiles_without_rates,
    offers_and_requests_are_found_while_open_and_counted,
);

const OFFERS_WANTS: &str =
    include_str!("../../fixtures/murmurations/offers_wants_schema-v0.1.0.json");

async fn offers_and_requests_are_murmurations_profiles_without_rates(backend: Backend) {
    let schema: Value = serde_json::from_str(OFFERS_WANTS).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    assert!(!validator.is_valid(&json!({"linked_schemas": ["offers_wants_schema-v0.1.0"]})));
    let net = Network::start(backend).await;
    let offer = net.offer(2.5, true).await;
    let body = json!({"coop": "ask-coop", "title": "Accessibility audit", "days_per_week": 1,
                      "skills": [{"skill": "a11y", "min_level": 3}], "work_mode": "onsite",
                      "start": "2027-02-01", "end": "2027-02-26",
                      "budget": {"amount": 50000, "currency": "GBP"}});
    let res = net
        .app
        .post_json("/api/v1/requests", &body, Some(&net.asker))
        .await;
    let request: Value = res.json().await.unwrap();
    for (path, kind) in [
        (
            format!(
                "/api/v1/offers/{}/murmurations",
                offer["id"].as_str().unwrap()
            ),
            "offer",
        ),
        (
            format!(
                "/api/v1/requests/{}/murmurations",
                request["id"].as_str().unwrap()
            ),
            "want",
        ),
    ] {
        for token in [None, Some(net.lender.as_str())] {
            let res = net.app.get(&path, token).await;
            assert_eq!(res.status(), StatusCode::OK);
            let profile: Value = res.json().await.unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&profile)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{errors:?}\n{profile}");
            assert_eq!(profile["exchange_type"], kind);
            let text = profile.to_string();
            assert!(!text.contains("45000") && !text.contains("50000"), "{text}");
        }
    }
    let profile = net
        .app
        .get_json(
            &format!(
                "/api/v1/offers/{}/murmurations",
                offer["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(profile["tags"], json!(["Rust", "PostgreSQL"]));
    assert_eq!(profile["geographic_scope"], "national");
    let lapses: chrono::DateTime<chrono::Utc> =
        offer["lapses_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(profile["expires_at"], lapses.timestamp());
    assert_eq!(profile["geolocation"], json!({"lat": 53.8, "lon": -1.55}));
    net.app.clock.advance(Duration::days(31));
    let res = net
        .app
        .get(
            &format!(
                "/api/v1/offers/{}/murmurations",
                offer["id"].as_str().unwrap()
            ),
            None,
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "a lapsed offer is no longer published"
    );
}

/// The marker word in an offer's notes and a request's title.
const WORD: &str = "Wombatique";

async fn search_hits(net: &Network, query: &str, token: Option<&str>) -> Value {
    net.app
        .get_json(&format!("/api/v1/search?q={WORD}{query}"), token)
        .await
}

async fn offers_and_requests_are_found_while_open_and_counted(backend: Backend) {
    let net = Network::start(backend).await;
    let body = json!({"coop": "lend-coop", "title": "Rust developer", "days_per_week": 1,
                      "skills": [{"skill": "rust", "level": 4}], "start": "2027-01-04",
                      "end": "2027-03-28", "work_mode": "remote",
                      "notes": format!("{WORD} projects welcome")});
    let res = net
        .app
        .post_json("/api/v1/offers", &body, Some(&net.lender))
        .await;
    let offer: Value = res.json().await.unwrap();
    let request = json!({"coop": "ask-coop", "title": format!("{WORD} audit"), "days_per_week": 1,
                         "start": "2027-01-04", "end": "2027-01-31"});
    net.app
        .post_json("/api/v1/requests", &request, Some(&net.asker))
        .await;
    // A member-to-be's offer is found by nobody.
    let mut hidden = body.clone();
    hidden["coop"] = json!("new-coop");
    let res = net
        .app
        .post_json("/api/v1/offers", &hidden, Some(&net.newcomer))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    for token in [None, Some(net.asker.as_str()), Some(net.steward.as_str())] {
        let found = search_hits(&net, "", token).await;
        assert_eq!(
            found["facets"]["type"],
            json!({"offer": 1, "request": 1}),
            "{found}"
        );
        let offers = search_hits(&net, "&type=offer&skill=rust", token).await;
        assert_eq!(offers["total"], 1);
        assert_eq!(offers["hits"][0]["id"], offer["id"]);
    }
    let stats = net.app.get_json("/api/v1/stats", None).await;
    assert_eq!(
        (
            stats["open_offers"].as_i64(),
            stats["open_requests"].as_i64()
        ),
        (Some(1), Some(1))
    );

    // Accepted time counts; a paused offer leaves search.
    let placement = net.placement(&offer, 1.0, "2027-01-04", "2027-01-31").await;
    assert_eq!(
        net.act(&placement, "accept", None, &net.lender)
            .await
            .status(),
        StatusCode::OK
    );
    // Four weeks from 2027-01-04, a day a week: booked, not yet placed.
    let stats = net.app.get_json("/api/v1/stats", None).await;
    assert_eq!(stats["accepted_placements"], 1);
    assert_eq!(
        (stats["days_placed"].as_f64(), stats["days_booked"].as_f64()),
        (Some(0.0), Some(4.0))
    );
    let in_2027 = net.app.get_json("/api/v1/stats?year=2027", None).await;
    assert_eq!(
        (
            in_2027["year"].as_i64(),
            in_2027["accepted_placements"].as_i64(),
            in_2027["days_booked"].as_f64()
        ),
        (Some(2027), Some(1), Some(4.0))
    );
    let in_2026 = net.app.get_json("/api/v1/stats?year=2026", None).await;
    assert_eq!(
        (
            in_2026["accepted_placements"].as_i64(),
            in_2026["days_booked"].as_f64()
        ),
        (Some(0), Some(0.0))
    );
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    let mut paused = body.clone();
    paused["status"] = json!("paused");
    paused["coop"] = Value::Null;
    let res = net
        .app
        .send(Method::PUT, &path, Some(&paused), Some(&net.lender), None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        search_hits(&net, "&type=offer", Some(&net.lender)).await["total"],
        0
    );
    paused["status"] = json!("open");
    net.app
        .send(Method::PUT, &path, Some(&paused), Some(&net.lender), None)
        .await;
    assert_eq!(search_hits(&net, "&type=offer", None).await["total"], 1);

    // Lapsed: gone from hits, facets and counts; the request after its last day too.
    net.app.clock.advance(Duration::days(31));
    let found = search_hits(&net, "", None).await;
    assert_eq!(found["facets"]["type"], json!({"request": 1}), "{found}");
    assert!(
        found["hits"][0]["summary"]
            .as_str()
            .unwrap()
            .starts_with("1 day a week")
    );
    let stats = net.app.get_json("/api/v1/stats", None).await;
    assert_eq!(stats["open_offers"], 0);
    net.app.clock.advance(Duration::days(31));
    // Past its last day, the placement's days are placed, none booked.
    let stats = net.app.get_json("/api/v1/stats", None).await;
    assert_eq!(
        (stats["days_placed"].as_f64(), stats["days_booked"].as_f64()),
        (Some(4.0), Some(0.0))
    );
    let found = search_hits(&net, "", None).await;
    assert_eq!(found["total"], 0, "{found}");
    assert_eq!(found["facets"]["type"], json!({}));
}
