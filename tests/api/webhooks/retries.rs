use coophub_testkit::receiver::{Receiver, Reply};
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{log_until, quick_deliveries, received, register, statuses};
use crate::helpers::assert_problem;
use crate::sharing::Network;

backend_tests!(
    failures_are_retried_on_schedule_then_the_endpoint_is_disabled,
    redirects_are_not_followed,
);

/// Asks a placement of a new offer: one `placement.requested` event.
async fn request(net: &Network) {
    let offer = net.offer(1.0, false).await;
    net.placement(&offer, 0.5, "2027-01-11", "2027-01-29").await;
}

async fn failures_are_retried_on_schedule_then_the_endpoint_is_disabled(backend: Backend) {
    let net = Network::start_with(backend, quick_deliveries).await;
    let app = &net.app;
    let receiver = Receiver::start();
    // A 500, then no answer within the timeout, then a 500: all three attempts fail.
    receiver.answer_next([
        Reply::Status(500),
        Reply::Hang(std::time::Duration::from_secs(4)),
        Reply::Status(500),
    ]);
    let hook = register(
        app,
        &net.lender,
        "lend-coop",
        &receiver.url("/h"),
        &["placement.requested"],
    )
    .await;
    request(&net).await;
    let log = log_until(app, &net.lender, &hook, |d| {
        d["attempts"][0]["finished_at"].is_string()
    })
    .await;
    let message = &log["items"][0];
    assert_eq!(message["state"], "pending");
    assert_eq!(message["attempts"][0]["status"], 500);
    assert_eq!(
        message["attempts"][0]["error"],
        "answered 500 Internal Server Error"
    );
    // The first retry is due about 5 s later (±10 %), and not before.
    let due =
        chrono::DateTime::parse_from_rfc3339(message["next_attempt_at"].as_str().unwrap()).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(&app.clock_now_rfc3339()).unwrap();
    let wait = (due - now).num_milliseconds();
    assert!((4500..=5500).contains(&wait), "first retry after {wait} ms");
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(receiver.received().len(), 1, "no retry before it is due");

    app.clock.advance(chrono::Duration::seconds(6));
    let log = log_until(app, &net.lender, &hook, |d| {
        d["attempts"][1]["finished_at"].is_string()
    })
    .await;
    assert_eq!(log["items"][0]["attempts"][1]["error"], "timed out");
    assert_eq!(log["items"][0]["state"], "pending");

    app.clock.advance(chrono::Duration::seconds(70));
    let log = log_until(app, &net.lender, &hook, |d| d["state"] == "failed").await;
    assert_eq!(statuses(&log), [json!(500), Value::Null, json!(500)]);
    let got = received(&receiver, 3).await;
    let ids: Vec<&str> = got.iter().map(|r| r.header("webhook-id")).collect();
    assert!(
        ids.iter().all(|id| *id == ids[0]),
        "one message id on every attempt: {ids:?}"
    );

    // Given up with nothing delivered since: disabled, and the admins told.
    let path = format!(
        "/api/v1/coops/lend-coop/webhooks/{}",
        hook["id"].as_str().unwrap()
    );
    let shown = app.get_json(&path, Some(&net.lender)).await;
    assert_eq!(shown["enabled"], false, "{shown}");
    assert!(
        shown["disabled_reason"]
            .as_str()
            .unwrap()
            .starts_with("3 attempts")
    );
    let inbox = app
        .get_json("/api/v1/me/notifications?unread=true", Some(&net.lender))
        .await;
    let disabled: Vec<&Value> = inbox["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "webhook.disabled")
        .collect();
    assert_eq!(disabled.len(), 1, "{inbox}");
    assert_eq!(disabled[0]["subject"]["link"], path);
    let asked = app
        .get_json("/api/v1/me/notifications?unread=true", Some(&net.asker))
        .await;
    assert!(
        !asked.to_string().contains("webhook.disabled"),
        "only the co-op's admins are told"
    );

    // A disabled endpoint is owed nothing new, and cannot be redelivered to.
    request(&net).await;
    let message = log["items"][0]["id"].as_str().unwrap().to_owned();
    let redeliver = format!("{path}/deliveries/{message}/redeliver");
    let res = app
        .post_json(&redeliver, &json!({}), Some(&net.lender))
        .await;
    assert_problem(res, 409, "webhook_disabled").await;
    let log = app
        .get_json(&format!("{path}/deliveries"), Some(&net.lender))
        .await;
    assert_eq!(log["total"], 1, "nothing is owed to a disabled endpoint");

    // Enabled again, a redelivery is one more attempt with the same id.
    let res = app
        .send(
            reqwest::Method::PATCH,
            &path,
            Some(&json!({"enabled": true})),
            Some(&net.lender),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .post_json(&redeliver, &json!({}), Some(&net.lender))
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let got = received(&receiver, 4).await;
    assert_eq!(got[3].header("webhook-id"), message);
    let log = log_until(app, &net.lender, &hook, |d| d["state"] == "delivered").await;
    assert_eq!(
        statuses(&log),
        [json!(500), Value::Null, json!(500), json!(200)]
    );
    let res = app
        .post_json(
            &format!("{path}/deliveries/msg_nope/redeliver"),
            &json!({}),
            Some(&net.lender),
        )
        .await;
    assert_problem(res, 404, "not_found").await;
}

async fn redirects_are_not_followed(backend: Backend) {
    let net = Network::start_with(backend, quick_deliveries).await;
    let app = &net.app;
    let (receiver, elsewhere) = (Receiver::start(), Receiver::start());
    receiver.answer_next([Reply::Redirect(elsewhere.url("/stolen"))]);
    let hook = register(
        app,
        &net.lender,
        "lend-coop",
        &receiver.url("/h"),
        &["placement.requested"],
    )
    .await;
    request(&net).await;
    let log = log_until(app, &net.lender, &hook, |d| {
        d["attempts"][0]["finished_at"].is_string()
    })
    .await;
    let attempt = &log["items"][0]["attempts"][0];
    assert_eq!(attempt["status"], 307);
    assert_eq!(
        attempt["error"],
        "answered 307 Temporary Redirect: redirects are not followed"
    );
    assert_eq!(
        log["items"][0]["state"], "pending",
        "retried later like any failure"
    );
    assert!(elsewhere.received().is_empty());
}
