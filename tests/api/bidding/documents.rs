//! Links to a bid's documents: added by anyone of the consortium, with who
//! added them; shown to the consortium only.

use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::Consortium;
use crate::helpers::{assert_problem, pointers};

backend_tests!(the_consortium_keeps_links_to_its_documents);

async fn the_consortium_keeps_links_to_its_documents(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    net.invite(&bid, "other-coop").await;
    let link = json!({"title": "Method statement draft", "url": " https://pad.example.coop/p/method ",
                      "kind": "draft"});
    let shown = net.ok(&bid, "documents", &link, &net.partner_member).await;
    let doc = &shown["documents"][0];
    assert_eq!(doc["url"], "https://pad.example.coop/p/method");
    assert_eq!(doc["kind"], "draft");
    assert_eq!(doc["added_for"]["slug"], "partner-coop");
    assert!(doc["added_by"].is_string());
    assert_eq!(
        net.show(&bid, &net.lead).await["documents"][0]["title"],
        "Method statement draft"
    );
    assert_eq!(
        net.show(&bid, &net.other).await["documents"],
        json!([]),
        "an invited co-op does not see the consortium's documents"
    );
    let history = net.get(&bid, "/history", Some(&net.lead)).await;
    let history: serde_json::Value = history.json().await.unwrap();
    let last = history["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["what"].as_str(), last["detail"].as_str()),
        (Some("document_added"), Some("Method statement draft"))
    );

    let bad = json!({"title": "", "url": "file:///etc/passwd", "kind": ""});
    let res = net.post(&bid, "documents", &bad, &net.lead).await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/title", "/url", "/kind"]
    );
    assert_problem(
        net.post(&bid, "documents", &link, &net.other).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        net.post(&bid, "documents", &link, &net.outsider).await,
        404,
        "not_found",
    )
    .await;
}
