//! The inbox: each event reaches exactly the people entitled to see its
//! subject, never the one who acted, and never names what a recipient may
//! not see; unread first, read one or all, sync with `updated_since`.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::helpers::{TestApp, assert_problem};
use crate::sharing::Network;
use crate::sharing::rotations::{MARKER, rotate, sam};

backend_tests!(
    placement_events_reach_both_sides_and_the_person_placed,
    bid_events_reach_the_consortium_and_name_decliners_only_to_the_lead,
    the_inbox_lists_unread_first_and_marks_read,
    swap_events_reach_the_four_parties_only,
);

/// `(kind, summary)` of every unread notification `token` has, newest first.
async fn told(app: &TestApp, token: &str) -> Vec<(String, String)> {
    let inbox = app
        .get_json(
            "/api/v1/me/notifications?per_page=100&unread=true",
            Some(token),
        )
        .await;
    inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["kind"].as_str().unwrap().to_owned(),
                n["summary"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Marks everything `tokens` were told read (what setting up the network said).
async fn clear(app: &TestApp, tokens: &[&String]) {
    for token in tokens {
        let res = app
            .post_json("/api/v1/me/notifications/read-all", &json!({}), Some(token))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
}

fn kinds(told: &[(String, String)]) -> Vec<&str> {
    told.iter().map(|(kind, _)| kind.as_str()).collect()
}

async fn placement_events_reach_both_sides_and_the_person_placed(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    let outsider = app.user("eve@example.org").await;
    let approved = told(app, &net.lender).await;
    assert_eq!(
        approved,
        [(
            "membership.approved".to_owned(),
            "Co-op lend-coop is now a member of the network".to_owned()
        )]
    );
    assert!(
        told(app, &net.newcomer).await.is_empty(),
        "not approved, not told"
    );
    clear(app, &[&net.lender, &net.asker, &net.grace]).await;
    let offer = net.offer(2.0, true).await;
    let placement = net.placement(&offer, 1.0, "2027-01-11", "2027-01-29").await;
    let lender = told(app, &net.lender).await;
    assert_eq!(kinds(&lender), ["placement.requested"]);
    assert!(
        lender[0]
            .1
            .starts_with("Co-op ask-coop asks Co-op lend-coop for 1 day a week"),
        "{lender:?}"
    );
    assert_eq!(
        kinds(&told(app, &net.grace).await),
        ["placement.requested"],
        "the person placed"
    );
    assert!(
        told(app, &net.asker).await.is_empty(),
        "nobody is told of what they did"
    );
    assert!(told(app, &outsider).await.is_empty());

    let res = net.act(&placement, "accept", None, &net.lender).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(kinds(&told(app, &net.asker).await), ["placement.accepted"]);
    assert_eq!(
        kinds(&told(app, &net.lender).await),
        ["placement.requested"]
    );
    let res = net.act(&placement, "cancel", None, &net.asker).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        kinds(&told(app, &net.lender).await),
        ["placement.cancelled", "placement.requested"]
    );
    assert!(told(app, &outsider).await.is_empty());
    let notification = app
        .get_json("/api/v1/me/notifications", Some(&net.lender))
        .await;
    let link = notification["items"][0]["subject"]["link"]
        .as_str()
        .unwrap();
    assert_eq!(
        link,
        format!("/api/v1/placements/{}", placement["id"].as_str().unwrap())
    );
    assert!(notification["items"][0]["actor"].is_string(), "who did it");
}

async fn bid_events_reach_the_consortium_and_name_decliners_only_to_the_lead(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    clear(
        app,
        &[
            &net.lead,
            &net.partner,
            &net.partner_member,
            &net.other,
            &net.outsider,
        ],
    )
    .await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.invite(&bid, "other-coop").await;
    assert_eq!(kinds(&told(app, &net.partner).await), ["bid.invited"]);
    assert!(
        told(app, &net.partner_member).await.is_empty(),
        "members wait for their admins"
    );
    assert_eq!(kinds(&told(app, &net.other).await), ["bid.invited"]);
    assert!(told(app, &net.outsider).await.is_empty());

    net.ok(
        &bid,
        "invitations/other-coop/answer",
        &json!({"accept": false}),
        &net.other,
    )
    .await;
    net.partner_joins(&bid).await;
    let lead = told(app, &net.lead).await;
    assert_eq!(kinds(&lead), ["bid.accepted", "bid.declined"]);
    assert!(lead[1].1.contains("Co-op other-coop declined"), "{lead:?}");

    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    for token in [&net.partner, &net.partner_member] {
        let heard = told(app, token).await;
        assert_eq!(heard[0].0, "bid.moved", "{heard:?}");
        assert!(heard[0].1.ends_with("is a go"), "{heard:?}");
    }
    assert_eq!(
        kinds(&told(app, &net.other).await),
        ["bid.invited"],
        "who declined hears no more"
    );
    for token in [&net.partner, &net.partner_member] {
        let inbox = app
            .get("/api/v1/me/notifications", Some(token))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !inbox.contains("other-coop"),
            "a decliner is named to the lead only: {inbox}"
        );
    }
    assert!(told(app, &net.outsider).await.is_empty());
}

async fn the_inbox_lists_unread_first_and_marks_read(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    clear(app, &[&net.partner]).await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    let inbox = app
        .get_json("/api/v1/me/notifications", Some(&net.partner))
        .await;
    assert_eq!(
        (inbox["total"].as_i64(), inbox["unread"].as_i64()),
        (Some(4), Some(3)),
        "three new, and the approval read before: {inbox}"
    );
    let oldest = inbox["items"][2]["id"].as_str().unwrap().to_owned();
    assert_eq!(inbox["items"][2]["kind"], "bid.invited");
    let read = |id: &str| format!("/api/v1/me/notifications/{id}/read");
    let res = app
        .post_json(&read(&oldest), &json!({}), Some(&net.partner))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(
        app.post_json(&read(&oldest), &json!({}), Some(&net.lead))
            .await,
        404,
        "not_found",
    )
    .await;
    let since = app.clock_now_rfc3339();
    net.app.clock.advance(chrono::Duration::seconds(1));
    let inbox: Value = app
        .get_json("/api/v1/me/notifications", Some(&net.partner))
        .await;
    assert_eq!(inbox["unread"], 2);
    assert!(inbox["items"][2]["read_at"].is_string(), "read ones last");
    let unread = app
        .get_json("/api/v1/me/notifications?unread=true", Some(&net.partner))
        .await;
    assert_eq!(unread["total"], 2);
    let res = app
        .post_json(
            "/api/v1/me/notifications/read-all",
            &json!({}),
            Some(&net.partner),
        )
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["marked"], 2);
    let query = format!(
        "/api/v1/me/notifications?updated_since={}",
        since.replace('+', "%2B")
    );
    let changed = app.get_json(&query, Some(&net.partner)).await;
    assert_eq!(changed["total"], 2, "the two read since: {changed}");
    assert_eq!(
        app.get("/api/v1/me/notifications", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn swap_events_reach_the_four_parties_only(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    let (sam_token, sam_id) = sam(&net).await;
    let everyone = [
        &net.grace,
        &sam_token,
        &net.lender,
        &net.asker,
        &net.steward,
        &net.newcomer,
    ];
    clear(app, &everyone).await;
    let grace = rotate(&net, &net.grace, &net.grace_id, "elm", true).await;
    let theirs = rotate(&net, &sam_token, &sam_id, "rust", true).await;
    let path = format!("/api/v1/rotations/{}/swaps", grace["id"].as_str().unwrap());
    let res = app
        .post_json(
            &path,
            &json!({"with_rotation_id": theirs["id"]}),
            Some(&net.grace),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let swap: Value = res.json().await.unwrap();
    for party in [&sam_token, &net.lender, &net.asker] {
        let heard = told(app, party).await;
        assert_eq!(kinds(&heard), ["swap.proposed"]);
        assert!(
            heard[0].1.contains("Grace Hopper of Co-op lend-coop"),
            "{heard:?}"
        );
    }
    for outside in [&net.grace, &net.steward, &net.newcomer] {
        assert!(
            told(app, outside).await.is_empty(),
            "the proposer and outsiders"
        );
    }
    let answer = format!("/api/v1/swaps/{}/answer", swap["id"].as_str().unwrap());
    for token in [&sam_token, &net.lender, &net.asker] {
        let res = app
            .post_json(&answer, &json!({"agree": true}), Some(token))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let grace_heard = told(app, &net.grace).await;
    assert_eq!(
        kinds(&grace_heard),
        ["swap.agreed", "swap.answered", "swap.answered"]
    );
    for (_, summary) in &grace_heard {
        assert!(
            summary.contains("Sam Samphire of ")
                && summary.contains("2 days a week from 2027-02-01 to 2027-04-30"),
            "who and when, in every answer: {summary}"
        );
    }
    for party in [&net.grace, &sam_token, &net.lender, &net.asker] {
        let inbox = app
            .get("/api/v1/me/notifications", Some(party))
            .await
            .text()
            .await
            .unwrap();
        assert!(!inbox.contains(MARKER), "rotation notes are never told");
    }
    assert!(told(app, &net.steward).await.is_empty());
}
