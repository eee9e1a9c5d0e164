//! Reminders on the rule clock: an invitation a week before it lapses, an
//! offer or an availability five days before it lapses unless reconfirmed,
//! a bid's deadline a week and a day away, a section the day before it is
//! due and once it is late; each once, to those who may see its subject and
//! nobody else.

use std::time::Duration;

use chrono::{DateTime, Utc};
use coophub_domain::Clock;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::helpers::TestApp;
use crate::sharing::Network;

backend_tests!(
    invitations_and_offers_are_reminded_of_before_they_lapse,
    bid_deadlines_and_sections_are_reminded_of_once_each,
);

fn often(settings: &mut coophub_server::Settings) {
    settings.reminder_interval = Duration::from_millis(50);
}

/// Waits (up to ten seconds) until `token` was told of `count` of `kind`,
/// then a little longer, so that a second copy would show.
async fn told_of(app: &TestApp, token: &str, kind: &str, count: usize) -> Vec<String> {
    for _ in 0..200 {
        if app.told(token, kind).await.len() >= count {
            actix_web::rt::time::sleep(Duration::from_millis(300)).await;
            return app.told(token, kind).await;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "{kind}: expected {count}, got {:?}",
        app.told(token, kind).await
    );
}

/// Moves the rule clock to `at`.
fn move_to(app: &TestApp, at: DateTime<Utc>) {
    app.clock.advance(at - app.clock.now());
}

async fn invitations_and_offers_are_reminded_of_before_they_lapse(backend: Backend) {
    let net = Network::start_with(backend, often).await;
    let app = &net.app;
    let start = app.clock.now();
    let res = app
        .post_json(
            "/api/v1/coops/new-coop/membership",
            &json!({"action": "invite"}),
            Some(&net.steward),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    net.offer(2.0, true).await;

    // Five days before the offer lapses (30 days after it was made).
    move_to(
        app,
        start + chrono::Duration::days(25) + chrono::Duration::minutes(1),
    );
    let lapsing = told_of(app, &net.lender, "offer.lapsing", 1).await;
    assert_eq!(lapsing.len(), 1, "once: {lapsing:?}");
    assert!(
        lapsing[0].starts_with("The offer “Rust developer” lapses on"),
        "{lapsing:?}"
    );
    assert!(app.told(&net.asker, "offer.lapsing").await.is_empty());
    assert!(
        app.told(&net.newcomer, "membership.lapsing")
            .await
            .is_empty(),
        "not yet"
    );

    // A week before the invitation lapses (60 days after it was made).
    move_to(
        app,
        start + chrono::Duration::days(53) + chrono::Duration::minutes(1),
    );
    let lapsing = told_of(app, &net.newcomer, "membership.lapsing", 1).await;
    assert_eq!(lapsing.len(), 1, "once: {lapsing:?}");
    assert!(lapsing[0].contains("lapses on"), "{lapsing:?}");
    assert!(app.told(&net.lender, "membership.lapsing").await.is_empty());
    assert_eq!(
        app.told(&net.lender, "offer.lapsing").await.len(),
        1,
        "never again"
    );

    // Once it has lapsed: the stewards and the co-op's admins, once; the
    // co-op says when and why.
    move_to(
        app,
        start + chrono::Duration::days(60) + chrono::Duration::minutes(1),
    );
    for token in [&net.newcomer, &net.steward] {
        let lapsed = told_of(app, token, "membership.lapsed", 1).await;
        assert_eq!(lapsed.len(), 1, "once: {lapsed:?}");
        assert!(lapsed[0].contains("lapsed on"), "{lapsed:?}");
    }
    assert!(app.told(&net.lender, "membership.lapsed").await.is_empty());
    let coop = app
        .get_json("/api/v1/coops/new-coop", Some(&net.steward))
        .await;
    let membership = &coop["membership"];
    assert_eq!(membership["status"], "lapsed");
    assert_eq!(membership["lapse_reason"], "invitation_expired");
    let at = |field: &str| {
        membership[field]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap()
    };
    // Invited at `changed_at`; lapsed 60 days on, to the second.
    assert_eq!(
        at("lapsed_at"),
        at("changed_at") + chrono::Duration::days(60)
    );
}

async fn bid_deadlines_and_sections_are_reminded_of_once_each(backend: Backend) {
    let net = Consortium::start_with(backend, often).await;
    let app = &net.app;
    let start = app.clock.now();
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    let due = (app.clock.now() + chrono::Duration::days(10)).date_naive();
    let section = json!({"title": "Pricing", "owner_coop": "partner-coop", "due": due});
    net.ok(&bid, "sections", &section, &net.lead).await;

    // The day before it is due: its writers (all of partner-coop) and the lead's admins.
    let day_before = due
        .pred_opt()
        .unwrap()
        .and_hms_opt(0, 1, 0)
        .unwrap()
        .and_utc();
    move_to(app, day_before);
    for token in [&net.partner_member, &net.partner, &net.lead] {
        let told = told_of(app, token, "section.due", 1).await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].starts_with("“Pricing” for the bid “Records API consortium” is due on"));
    }
    assert!(app.told(&net.other, "section.due").await.is_empty());
    assert!(app.told(&net.outsider, "section.due").await.is_empty());

    // Its day over and not done: late, once.
    move_to(app, day_before + chrono::Duration::days(2));
    let late = told_of(app, &net.partner_member, "section.late", 1).await;
    assert_eq!(late.len(), 1, "{late:?}");
    assert!(late[0].contains("is late"), "{late:?}");

    // Grace's availability (given when she was added, linked to no account)
    // lapses after 30 days: five days before, her co-op's admins are told.
    move_to(
        app,
        start + chrono::Duration::days(25) + chrono::Duration::minutes(1),
    );
    let lapsing = told_of(app, &net.partner, "availability.lapsing", 1).await;
    assert_eq!(lapsing.len(), 1, "{lapsing:?}");
    assert!(
        lapsing[0].starts_with("The availability of Grace Hopper lapses on"),
        "{lapsing:?}"
    );
    assert!(
        app.told(&net.partner_member, "availability.lapsing")
            .await
            .is_empty()
    );
    assert!(app.told(&net.lead, "availability.lapsing").await.is_empty());

    // The tender closes 2027-06-30 12:00 UTC: a week, then a day, before.
    let deadline: DateTime<Utc> = "2027-06-30T12:00:00Z".parse().unwrap();
    move_to(
        app,
        deadline - chrono::Duration::days(7) + chrono::Duration::minutes(1),
    );
    let told_lead = told_of(app, &net.lead, "bid.deadline", 1).await;
    assert_eq!(told_lead.len(), 1, "{told_lead:?}");
    assert!(told_lead[0].ends_with("(a week away)"), "{told_lead:?}");
    move_to(
        app,
        deadline - chrono::Duration::days(1) + chrono::Duration::minutes(1),
    );
    let told_member = told_of(app, &net.partner_member, "bid.deadline", 2).await;
    assert_eq!(told_member.len(), 2, "{told_member:?}");
    assert!(
        told_member.iter().any(|s| s.ends_with("(a day away)")),
        "{told_member:?}"
    );
    assert!(app.told(&net.other, "bid.deadline").await.is_empty());

    let shown: Value = net.show(&bid, &net.lead).await;
    assert_eq!(shown["sections"][0]["late"], true);
}
