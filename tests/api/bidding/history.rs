//! A bid's history: every happening with who and when, oldest first, and
//! co-ops named only to those who may know them.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use super::Consortium;

backend_tests!(a_bid_tells_what_happened_who_did_it_and_when);

fn whats(history: &Value) -> Vec<String> {
    history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let coop = i["coop"]["slug"]
                .as_str()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            let detail = i["detail"]
                .as_str()
                .map(|d| format!(" {d}"))
                .unwrap_or_default();
            format!("{}{coop}{detail}", i["what"].as_str().unwrap())
        })
        .collect()
}

async fn a_bid_tells_what_happened_who_did_it_and_when(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    net.invite(&bid, "other-coop").await;
    let role = json!({"title": "Hosting", "effort_days": 10, "coop": "partner-coop"});
    net.ok(&bid, "roles", &role, &net.lead).await;
    let shown = net
        .ok(
            &bid,
            "sections",
            &json!({"title": "Approach"}),
            &net.partner,
        )
        .await;
    let section = shown["sections"][0]["id"].as_str().unwrap();
    let path = format!(
        "/api/v1/bids/{}/sections/{section}",
        bid["id"].as_str().unwrap()
    );
    let done = json!({"title": "Approach", "status": "done"});
    let res = net
        .app
        .send(Method::PUT, &path, Some(&done), Some(&net.partner), None)
        .await;
    assert!(res.status().is_success());
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;

    let read = |token: &str| {
        let (net, bid, token) = (&net, bid.clone(), token.to_owned());
        async move {
            let res = net.get(&bid, "/history", Some(&token)).await;
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.unwrap()
        }
    };
    let lead = read(&net.lead).await;
    assert_eq!(
        whats(&lead),
        [
            "opened",
            "invited partner-coop",
            "accepted partner-coop",
            "invited other-coop",
            "role_added partner-coop Hosting",
            "section_added Approach",
            "section_changed Approach: done",
            "decided go",
            "submitted",
        ]
    );
    let first = &lead["items"][0];
    assert!(
        first["by"].is_string() && first["at"].is_string(),
        "{first}"
    );
    assert!(
        lead["items"][3]["summary"]
            .as_str()
            .unwrap()
            .ends_with("invited Co-op other-coop"),
        "{}",
        lead["items"][3]
    );
    let partner = read(&net.partner).await;
    assert!(
        !whats(&partner).contains(&"invited other-coop".to_owned()),
        "a partner is not told whom else the lead invited: {partner}"
    );
    assert_eq!(whats(&partner).len(), 8);
    assert_eq!(
        net.get(&bid, "/history", Some(&net.outsider))
            .await
            .status(),
        404
    );
    assert_eq!(net.get(&bid, "/history", None).await.status(), 404);
}
