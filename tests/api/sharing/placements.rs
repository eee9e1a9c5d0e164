//! Placements: the state machine over HTTP (every illegal move a 409), who
//! decides which move, the start date, the history, and capacity refusals
//! that name the conflicting dates.

use chrono::Duration;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Network;
use crate::coops::approved_coop;
use crate::helpers::{assert_problem, pointers};

backend_tests!(
    every_move_the_state_machine_forbids_is_a_409,
    each_side_decides_its_own_part_and_the_history_says_who,
    a_placement_starts_on_its_start_date,
    time_that_does_not_fit_is_refused_naming_the_dates,
    sharing_is_between_approved_members_and_placements_are_private,
);

const ACTIONS: [&str; 5] = ["accept", "decline", "start", "complete", "cancel"];

/// Moves a new placement (week `week` of the offer) into `state`.
async fn placement_in(net: &Network, offer: &Value, week: i64, state: &str) -> Value {
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + Duration::weeks(week);
    let end = start + Duration::days(4);
    let placement = net
        .placement(offer, 0.5, &start.to_string(), &end.to_string())
        .await;
    let path: &[&str] = match state {
        "requested" => &[],
        "accepted" => &["accept"],
        "declined" => &["decline"],
        "active" => &["accept", "start"],
        "completed" => &["accept", "start", "complete"],
        "cancelled" => &["cancel"],
        other => panic!("{other}"),
    };
    let mut last = placement;
    for action in path {
        let res = net.act(&last, action, None, &net.lender).await;
        assert_eq!(res.status(), StatusCode::OK, "{action}");
        last = res.json().await.unwrap();
    }
    assert_eq!(last["state"], state);
    last
}

async fn every_move_the_state_machine_forbids_is_a_409(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(5.0, false).await;
    let allowed = [
        ("requested", "accept", "accepted"),
        ("requested", "decline", "declined"),
        ("requested", "cancel", "cancelled"),
        ("accepted", "start", "active"),
        ("accepted", "cancel", "cancelled"),
        ("active", "complete", "completed"),
        ("active", "cancel", "cancelled"),
    ];
    let states = [
        "requested",
        "accepted",
        "declined",
        "active",
        "completed",
        "cancelled",
    ];
    let mut week = 0;
    for from in states {
        for action in ACTIONS {
            let placement = placement_in(&net, &offer, week % 12, from).await;
            week += 1;
            let res = net.act(&placement, action, None, &net.lender).await;
            match allowed.iter().find(|(f, a, _)| *f == from && *a == action) {
                Some((_, _, to)) => {
                    assert_eq!(res.status(), StatusCode::OK, "{from} {action}");
                    assert_eq!(res.json::<Value>().await.unwrap()["state"], *to);
                }
                None => {
                    let problem = assert_problem(res, 409, "placement_state").await;
                    let detail = problem["detail"].as_str().unwrap();
                    assert!(detail.contains(from), "{from} {action}: {detail}");
                }
            }
            // Free the week again for the next placement.
            let _ = net.act(&placement, "cancel", None, &net.lender).await;
        }
    }
}

async fn each_side_decides_its_own_part_and_the_history_says_who(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, true).await;
    let placement = net.placement(&offer, 1.0, "2027-01-04", "2027-01-31").await;
    assert_eq!(placement["state"], "requested");
    assert_eq!(placement["person"]["name"], "Grace Hopper");

    // The asking side cannot accept its own request; the steward cannot decide for a co-op.
    for token in [&net.asker, &net.steward, &net.grace] {
        let res = net.act(&placement, "accept", None, token).await;
        assert_problem(res, 403, "forbidden").await;
    }
    let res = net.act(&placement, "accept", None, &net.lender).await;
    assert_eq!(res.status(), StatusCode::OK);
    let accepted: Value = res.json().await.unwrap();
    assert_eq!(accepted["state"], "accepted");
    assert_eq!(accepted["version"], 2);

    // Cancelling needs a reason; either side may.
    let res = net
        .act(&placement, "cancel", Some(json!({})), &net.asker)
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/reason"]
    );
    let reason = json!({"reason": "The client postponed"});
    let res = net
        .act(&placement, "cancel", Some(reason), &net.asker)
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let path = format!(
        "/api/v1/placements/{}/history",
        placement["id"].as_str().unwrap()
    );
    let history: Value = net.app.get_json(&path, Some(&net.grace)).await;
    let lines: Vec<(&str, &str, &str)> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["state"].as_str().unwrap(),
                e["by_name"].as_str().unwrap(),
                e["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("requested", "Test Person", "Can we borrow her?"),
            ("accepted", "Test Person", ""),
            ("cancelled", "Test Person", "The client postponed"),
        ]
    );
    assert_eq!(history["items"][2]["action"], "cancel");
    // Outsiders and other co-ops do not learn it exists.
    assert_eq!(
        net.app.get(&path, None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        net.app.get(&path, Some(&net.newcomer)).await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn a_placement_starts_on_its_start_date(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, false).await;
    let placement = placement_in(&net, &offer, 0, "accepted").await;
    let path = format!("/api/v1/placements/{}", placement["id"].as_str().unwrap());
    let days_to_start = (chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
        - chrono::Utc::now().date_naive())
    .num_days();
    net.app.clock.advance(Duration::days(days_to_start + 1));
    let shown: Value = net.app.get_json(&path, Some(&net.asker)).await;
    assert_eq!(shown["state"], "active");
    let res = net.act(&placement, "start", None, &net.lender).await;
    assert_problem(res, 409, "placement_state").await;
    let res = net.act(&placement, "complete", None, &net.asker).await;
    assert_eq!(res.status(), StatusCode::OK);
    let history: Value = net
        .app
        .get_json(&format!("{path}/history"), Some(&net.lender))
        .await;
    let started = &history["items"][2];
    assert_eq!(
        (started["state"].as_str(), started["by_user_id"].as_str()),
        (Some("active"), None)
    );
    assert_eq!(history["items"][3]["state"], "completed");
}

async fn time_that_does_not_fit_is_refused_naming_the_dates(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, true).await;
    let first = net.placement(&offer, 1.5, "2027-01-04", "2027-01-31").await;
    let second = net.placement(&offer, 1.0, "2027-01-25", "2027-02-14").await;
    assert_eq!(
        net.act(&first, "accept", None, &net.lender).await.status(),
        StatusCode::OK
    );
    let res = net.act(&second, "accept", None, &net.lender).await;
    let problem = assert_problem(res, 409, "over_capacity").await;
    assert_eq!(
        problem["conflicts"],
        json!([{"message": "from 2027-01-25 to 2027-01-31 the offer has half a day a week free",
                "start": "2027-01-25", "end": "2027-01-31", "free_days_per_week": 0.5,
                "limit": "offer"}])
    );
    // Outside the offer's dates nothing is free; asking already checks.
    let res = net.ask(&offer, 0.5, "2027-03-22", "2027-04-04").await;
    let problem = assert_problem(res, 409, "over_capacity").await;
    assert_eq!(problem["conflicts"][0]["start"], "2027-03-29");
    assert_eq!(problem["conflicts"][0]["free_days_per_week"], 0.0);

    // Grace's week across offers: no other offer promises more than the
    // three days this one leaves her (tests/api/sharing/weeks.rs has more).
    let res = net
        .app
        .post_json(
            "/api/v1/offers",
            &net.offer_body(3.5, true),
            Some(&net.lender),
        )
        .await;
    let problem = assert_problem(res, 409, "over_capacity").await;
    assert_eq!(problem["conflicts"][0]["limit"], "person");
    assert_eq!(problem["conflicts"][0]["free_days_per_week"], 3.0);

    // An offer cannot shrink below what it promised.
    let path = format!("/api/v1/offers/{}", offer["id"].as_str().unwrap());
    let smaller = json!({"title": "Rust developer", "days_per_week": 1, "start": "2027-01-04",
                         "end": "2027-03-28", "work_mode": "remote", "person_id": net.grace_id});
    let res = net
        .app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&smaller),
            Some(&net.lender),
            None,
        )
        .await;
    assert_problem(res, 409, "over_capacity").await;
    let res = net
        .app
        .send(
            reqwest::Method::DELETE,
            &path,
            None,
            Some(&net.lender),
            None,
        )
        .await;
    assert_problem(res, 409, "offer_has_placements").await;
}

async fn sharing_is_between_approved_members_and_placements_are_private(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, false).await;
    let body = json!({"requesting_coop": "new-coop", "days_per_week": 1,
                      "start": "2027-01-04", "end": "2027-01-10"});
    let path = format!(
        "/api/v1/offers/{}/placements",
        offer["id"].as_str().unwrap()
    );
    let res = net.app.post_json(&path, &body, Some(&net.newcomer)).await;
    let problem = assert_problem(res, 403, "forbidden").await;
    assert!(problem["detail"].as_str().unwrap().contains("new-coop"));
    let mut own = body.clone();
    own["requesting_coop"] = json!("lend-coop");
    let res = net.app.post_json(&path, &own, Some(&net.lender)).await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/requesting_coop"]
    );
    let mut someone_elses = body.clone();
    someone_elses["requesting_coop"] = json!("ask-coop");
    let res = net
        .app
        .post_json(&path, &someone_elses, Some(&net.lender))
        .await;
    assert_problem(res, 403, "forbidden").await;

    let placement = net.placement(&offer, 1.0, "2027-01-04", "2027-01-10").await;
    let third = net.app.user("tess@third.coop").await;
    approved_coop(&net.app, "third-coop", &third, &net.steward).await;
    let path = format!("/api/v1/placements/{}", placement["id"].as_str().unwrap());
    assert_eq!(
        net.app.get(&path, Some(&third)).await.status(),
        StatusCode::NOT_FOUND
    );
    let theirs: Value = net.app.get_json("/api/v1/placements", Some(&third)).await;
    assert_eq!(theirs["total"], 0);
    let mine: Value = net
        .app
        .get_json("/api/v1/placements", Some(&net.asker))
        .await;
    assert_eq!(mine["total"], 1);
    let res = net.app.get("/api/v1/placements", None).await;
    assert_problem(res, 401, "unauthenticated").await;
}
