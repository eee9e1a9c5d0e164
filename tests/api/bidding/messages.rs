//! A bid's conversation: the consortium's own messages, the private thread
//! between the bid's managers and an invited co-op (begun by the
//! invitation's message), who is told (inbox and mail), and who is told
//! nothing.

use std::time::Duration;

use coophub_testkit::smtp::Sink;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Consortium;
use crate::helpers::{assert_problem, pointers};

backend_tests!(
    the_consortium_talks_and_invited_coops_hear_only_their_part,
    a_message_is_checked_whole_and_mailed_to_the_others,
);

fn texts(list: &Value) -> Vec<&str> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect()
}

async fn read(net: &Consortium, bid: &Value, token: &str) -> Value {
    let res = net.get(bid, "/messages", Some(token)).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn the_consortium_talks_and_invited_coops_hear_only_their_part(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    let said = net
        .ok(
            &bid,
            "messages",
            &json!({"text": "  Draft due Friday  "}),
            &net.lead,
        )
        .await;
    assert_eq!(said["text"], "Draft due Friday");
    assert_eq!(said["author"]["coop"]["slug"], "lead-coop");
    assert_eq!(said["to"], Value::Null);
    net.ok(
        &bid,
        "messages",
        &json!({"text": "Our part is ready"}),
        &net.partner_member,
    )
    .await;

    // The other co-op is invited with a message: the start of a thread
    // between it and the bid's managers.
    let invitation = json!({"coop": "other-coop", "message": "Would you take the Rust work?"});
    net.ok(&bid, "invitations", &invitation, &net.lead).await;
    let told = net.app.told(&net.other, "bid.invited").await;
    assert!(
        told[0].ends_with("“Would you take the Rust work?”"),
        "the invitation quotes its message: {told:?}"
    );
    let theirs = read(&net, &bid, &net.other).await;
    assert_eq!(
        texts(&theirs),
        ["Would you take the Rust work?"],
        "only their part"
    );
    assert_eq!(theirs["items"][0]["to"]["slug"], "other-coop");
    let answer = net
        .ok(
            &bid,
            "messages",
            &json!({"text": "Yes, from March"}),
            &net.other,
        )
        .await;
    assert_eq!(
        answer["to"]["slug"], "other-coop",
        "an invited co-op writes to the managers"
    );
    assert_eq!(answer["author"]["coop"]["slug"], "other-coop");

    assert_eq!(
        texts(&read(&net, &bid, &net.lead).await),
        [
            "Draft due Friday",
            "Our part is ready",
            "Would you take the Rust work?",
            "Yes, from March"
        ],
        "the managers read everything"
    );
    assert_eq!(
        texts(&read(&net, &bid, &net.partner).await),
        ["Draft due Friday", "Our part is ready"],
        "a partner does not read what is between the managers and an invited co-op"
    );
    assert_eq!(read(&net, &bid, &net.partner).await["total"], 2);
    let told = net.app.told(&net.lead, "bid.message").await;
    assert!(
        told.iter().any(|t| t.contains("Yes, from March")),
        "{told:?}"
    );
    let told = net.app.told(&net.partner, "bid.message").await;
    assert!(
        told.iter().all(|t| !t.contains("Yes, from March")),
        "{told:?}"
    );
    assert!(
        told.iter().any(|t| t.contains("Draft due Friday")),
        "{told:?}"
    );

    // A partner cannot write to the invited co-op; outsiders learn nothing.
    let private = json!({"text": "Psst", "to": "other-coop"});
    assert_problem(
        net.post(&bid, "messages", &private, &net.partner).await,
        403,
        "forbidden",
    )
    .await;
    for token in [&net.outsider] {
        assert_eq!(net.get(&bid, "/messages", Some(token)).await.status(), 404);
        assert_problem(
            net.post(&bid, "messages", &json!({"text": "hi"}), token)
                .await,
            404,
            "not_found",
        )
        .await;
    }
    assert_eq!(net.get(&bid, "/messages", None).await.status(), 401);
}

async fn a_message_is_checked_whole_and_mailed_to_the_others(backend: Backend) {
    let sink = Sink::start();
    let url = sink.url();
    let net = Consortium::start_with(backend, move |settings| {
        settings.mail.smtp_url = Some(url);
        settings.mail.poll_interval = Duration::from_millis(50);
    })
    .await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    let bad = json!({"text": " ", "to": "no-such-coop"});
    let res = net.post(&bid, "messages", &bad, &net.lead).await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/text", "/to"]
    );
    let long = json!({"text": "a".repeat(4001)});
    assert_problem(
        net.post(&bid, "messages", &long, &net.lead).await,
        422,
        "validation_failed",
    )
    .await;
    let bad_invitation = json!({"coop": "other-coop", "message": ""});
    let res = net
        .post(&bid, "invitations", &bad_invitation, &net.lead)
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/message"]
    );

    net.ok(
        &bid,
        "messages",
        &json!({"text": "Kick-off on Monday at ten"}),
        &net.lead,
    )
    .await;
    // One mail to each of the others of the consortium: both people of the
    // partner co-op; not the author.
    let mut to: Vec<String> = Vec::new();
    for _ in 0..200 {
        to = sink
            .mails()
            .iter()
            .filter(|m| m.body().contains("Kick-off on Monday at ten"))
            .flat_map(|m| m.to.clone())
            .collect();
        if to.len() >= 2 {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    to.sort();
    assert_eq!(to, ["<mo@partner.coop>", "<pat@partner.coop>"]);
}
