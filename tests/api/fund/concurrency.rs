//! Answers, invoices and payments of one co-op are decided one at a time:
//! concurrent first answers all succeed (last write wins) and leave one
//! pledge; of many concurrent full payments of one invoice exactly one is
//! recorded, and of many concurrent invoices only as many as the pledge
//! covers.

use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::{day, open_year};
use crate::coops::approved_coop;
use crate::helpers::TestApp;

backend_tests!(
    concurrent_answers_leave_one_pledge,
    concurrent_payments_and_invoices_never_exceed_what_is_owed,
);

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

async fn concurrent_payments_and_invoices_never_exceed_what_is_owed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let admin = app.user("al@alpha.coop").await;
    approved_coop(&app, "alpha", &admin, &steward).await;
    let year = open_year(&app, &steward, "Shared hosting").await;
    let body = json!({"coop": "alpha", "amount": {"amount": 50000, "currency": "GBP"}});
    let res = app
        .post_json(
            &format!("/api/v1/fund/years/{year}/pledges"),
            &body,
            Some(&admin),
        )
        .await;
    assert_eq!(res.status(), 200);

    // Twenty invoices of 10000 each at once against a pledge of 50000.
    let invoices = format!("/api/v1/fund/years/{year}/invoices");
    let attempts = (0..20).map(|n| {
        let body = json!({"coop": "alpha", "number": format!("NF-{n}"), "amount": 10000,
                          "issued_on": day(&app, 0), "due_on": day(&app, 30)});
        let (app, invoices, steward) = (&app, &invoices, &steward);
        async move {
            let res = app.post_json(invoices, &body, Some(steward)).await;
            let status = res.status().as_u16();
            (status, res.json::<serde_json::Value>().await.unwrap())
        }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let created: Vec<&serde_json::Value> = answers
        .iter()
        .filter(|(status, _)| *status == 201)
        .map(|(_, body)| body)
        .collect();
    assert_eq!(created.len(), 5, "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(status, body)| *status == 201 || body["code"] == "over_pledge"),
        "{answers:?}"
    );

    // Fifty full payments of one invoice at once: one is recorded.
    let id = created[0]["id"].as_str().unwrap();
    let path = format!("/api/v1/fund/invoices/{id}/payments");
    let payments = (0..50).map(|_| {
        let body = json!({"amount": 10000, "paid_on": day(&app, 0), "reference": "BACS"});
        let (app, path, steward) = (&app, &path, &steward);
        async move {
            let res = app.post_json(path, &body, Some(steward)).await;
            let status = res.status().as_u16();
            (status, res.json::<serde_json::Value>().await.unwrap())
        }
    });
    let answers = futures_util::future::join_all(payments).await;
    let statuses: Vec<u16> = answers.iter().map(|(status, _)| *status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{answers:?}"
    );
    assert!(
        answers
            .iter()
            .all(|(status, body)| *status == 201 || body["code"] == "overpaid"),
        "{answers:?}"
    );
    let invoice = app
        .get_json(&format!("/api/v1/fund/invoices/{id}"), Some(&steward))
        .await;
    assert_eq!(invoice["paid"], 10000, "{invoice}");
    assert_eq!(
        invoice["payments"].as_array().unwrap().len(),
        1,
        "{invoice}"
    );
}
