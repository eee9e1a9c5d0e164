//! Bids under concurrency: every change of a bid takes the bid's lock, so
//! roles added at once all land in distinct places, and an invitation takes
//! exactly one answer however many arrive together.

use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::json;

use super::Consortium;

backend_tests!(roles_added_at_once_all_land_and_an_invitation_takes_one_answer,);

async fn roles_added_at_once_all_land_and_an_invitation_takes_one_answer(backend: Backend) {
    let net = Consortium::start(backend).await;
    let bid = net.open_bid().await;
    let adds = (0..20).map(|i| {
        let body = json!({"title": format!("Role {i}"), "effort_days": 1});
        let (net, bid) = (&net, &bid);
        async move { net.post(bid, "roles", &body, &net.lead).await.status() }
    });
    assert!(
        join_all(adds)
            .await
            .iter()
            .all(|s| *s == StatusCode::CREATED)
    );
    let shown = net.show(&bid, &net.lead).await;
    let mut titles: Vec<&str> = shown["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 20);
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), 20, "every role once");

    net.invite(&bid, "partner-coop").await;
    let answers = (0..10).map(|i| {
        let body = json!({"accept": i % 2 == 0});
        let (net, bid) = (&net, &bid);
        async move {
            net.post(bid, "invitations/partner-coop/answer", &body, &net.partner)
                .await
                .status()
        }
    });
    let statuses = join_all(answers).await;
    let taken = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    assert_eq!(taken, 1, "{statuses:?}");
    // After an accept the rest find no open invitation (409); after a decline
    // the bid is hidden from the co-op that declined (404).
    let shown = net.show(&bid, &net.lead).await;
    let partner = shown["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["coop"]["slug"] == "partner-coop")
        .unwrap();
    let refused = match partner["status"].as_str().unwrap() {
        "accepted" => StatusCode::CONFLICT,
        "declined" => StatusCode::NOT_FOUND,
        other => panic!("the invitation is still {other}"),
    };
    let others = statuses.iter().filter(|s| **s == refused).count();
    assert_eq!(others, 9, "{statuses:?}");
}
