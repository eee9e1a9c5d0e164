//! A bid's readiness: unstaffed roles, open sections and unanswered
//! invitations stop a submission unless it is confirmed, and a go/no-go
//! decision keeps the readiness it was taken with.

use coophub_testkit::{Backend, backend_tests};
use serde_json::{Value, json};

use super::Consortium;
use crate::helpers::assert_problem;

backend_tests!(
    a_bid_that_is_not_ready_is_submitted_only_when_confirmed,
    a_ready_bid_is_submitted_without_a_body,
);

/// The lead submits `bid` with no body at all.
async fn submitted_without_a_body(net: &Consortium, bid: &Value) -> reqwest::Response {
    let path = format!("/api/v1/bids/{}/submit", bid["id"].as_str().unwrap());
    net.app
        .client
        .post(net.app.url(&path))
        .bearer_auth(&net.lead)
        .send()
        .await
        .unwrap()
}

fn titles(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item["title"].as_str().unwrap())
        .collect()
}

async fn a_bid_that_is_not_ready_is_submitted_only_when_confirmed(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    net.ok(
        &bid,
        "roles",
        &json!({"title": "Rust backend", "effort_days": 20}),
        &net.lead,
    )
    .await;
    net.ok(
        &bid,
        "sections",
        &json!({"title": "Method statement"}),
        &net.lead,
    )
    .await;
    net.invite(&bid, "partner-coop").await;
    let shown = net.show(&bid, &net.lead).await;
    let readiness = &shown["readiness"];
    assert_eq!(readiness["ready"], false);
    assert_eq!(titles(&readiness["unstaffed_roles"]), ["Rust backend"]);
    assert_eq!(titles(&readiness["open_sections"]), ["Method statement"]);
    assert_eq!(readiness["pending_invitations"], 1);
    assert!(readiness["days_to_deadline"].as_i64().unwrap() > 0);

    let decided = net
        .ok(
            &bid,
            "decision",
            &json!({"go": true, "reasons": "Worth it"}),
            &net.lead,
        )
        .await;
    let kept = &decided["decision"]["readiness"];
    assert_eq!(kept["ready"], false);
    assert_eq!(kept["unstaffed_roles"], json!(["Rust backend"]));
    assert_eq!(kept["open_sections"], json!(["Method statement"]));
    assert_eq!(kept["pending_invitations"], 1);
    assert_eq!(kept["days_to_deadline"], readiness["days_to_deadline"]);

    // Without a body, or without confirming: 409, each thing named.
    let res = submitted_without_a_body(&net, &bid).await;
    let problem = assert_problem(res, 409, "not_ready").await;
    let conflicts: Vec<&str> = problem["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        conflicts,
        [
            "the role \"Rust backend\" is not staffed",
            "the section \"Method statement\" is not done (not started)",
            "1 invitation is not answered",
        ]
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("{\"confirm\": true}")
    );
    assert_problem(
        net.post(&bid, "submit", &json!({"confirm": false}), &net.lead)
            .await,
        409,
        "not_ready",
    )
    .await;
    assert_problem(
        net.post(&bid, "submit", &json!({"confirm": "yes"}), &net.lead)
            .await,
        422,
        "invalid_body",
    )
    .await;
    assert_eq!(
        net.show(&bid, &net.lead).await["state"],
        "go",
        "nothing moved"
    );

    let submitted = net
        .ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    assert_eq!(submitted["state"], "submitted");
}

async fn a_ready_bid_is_submitted_without_a_body(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    let body = json!({"title": "Hosting", "effort_days": 10, "coop": "partner-coop"});
    net.ok(&bid, "roles", &body, &net.lead).await;
    let shown = net
        .ok(&bid, "sections", &json!({"title": "Approach"}), &net.lead)
        .await;
    assert_eq!(
        shown["readiness"]["ready"], false,
        "the section is not done"
    );
    let section = shown["sections"][0]["id"].as_str().unwrap();
    let path = format!(
        "/api/v1/bids/{}/sections/{section}",
        bid["id"].as_str().unwrap()
    );
    let res = net
        .app
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&json!({"title": "Approach", "status": "done"})),
            Some(&net.lead),
            None,
        )
        .await;
    assert!(res.status().is_success(), "{:?}", res.text().await);
    let shown = net.show(&bid, &net.lead).await;
    assert_eq!(shown["readiness"]["ready"], true, "{}", shown["readiness"]);
    let decided = net
        .ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    assert_eq!(decided["decision"]["readiness"]["ready"], true);
    let res = submitted_without_a_body(&net, &bid).await;
    assert_eq!(res.status(), 200, "{:?}", res.text().await);
}
