//! Answers and invoices of one co-op are decided one at a time: concurrent
//! first answers all succeed (last write wins) and leave one pledge.

use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::open_year;
use crate::coops::approved_coop;
use crate::helpers::TestApp;

backend_tests!(concurrent_answers_leave_one_pledge,);

async fn concurrent_answers_leave_one_pledge(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let admin = app.user("al@alpha.coop").await;
    approved_coop(&app, "alpha", &admin, &steward).await;
    let year = open_year(&app, &steward, "Shared hosting").await;
    let path = format!("/api/v1/fund/years/{year}/pledges");
    let answers = (1..=6).map(|n| {
        let body = json!({"coop": "alpha", "amount": {"amount": n * 1000, "currency": "GBP"}});
        let (app, path, admin) = (&app, &path, &admin);
        async move {
            app.post_json(path, &body, Some(admin))
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(answers).await;
    assert_eq!(statuses, [200; 6], "no lost race reaches the client");
    let all = app.get_json(&path, Some(&steward)).await;
    let items = all["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{all}");
    let amount = items[0]["amount"]["amount"].as_i64().unwrap();
    assert!(
        (1000..=6000).contains(&amount) && amount % 1000 == 0,
        "{all}"
    );
}
