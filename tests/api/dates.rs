//! One date rule for every date a client sends (issue 27, item 4): years 0,
//! -1, 9999 and +10000 were accepted in offers, requests, placements,
//! rotations, roles, sections, invoices, payments and spending, and calendar
//! feeds then carried `DTSTART;VALUE=DATE:-00010101`. Every date is now from
//! 2000-01-01 to 2100-12-31, refused at its pointer otherwise.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::fund::{open_year, pledged_and_invoiced};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(impossible_years_are_refused_at_their_pointers_everywhere,);

const IMPOSSIBLE: [&str; 4] = ["0000-01-04", "-0001-01-04", "9999-01-04", "+10000-01-04"];

async fn refused(
    app: &TestApp,
    method: Method,
    path: &str,
    body: &Value,
    token: &str,
) -> Vec<String> {
    let res = app.send(method, path, Some(body), Some(token), None).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut found = pointers(&problem);
    found.sort();
    assert!(
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["message"] == "must be a date from 2000-01-01 to 2100-12-31"),
        "{problem}"
    );
    found
}

async fn impossible_years_are_refused_at_their_pointers_everywhere(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let steward = app.network_admin("fund-steward@example.coop").await;
    let year = open_year(app, &steward, "Hosting").await;
    let invoice = pledged_and_invoiced(
        app,
        &steward,
        (year, "lead-coop"),
        &net.lead,
        (50_000, 10_000),
    )
    .await;
    let bid = net.open_bid().await;
    let bid = bid["id"].as_str().unwrap();
    let offer_body = json!({"coop": "partner-coop", "title": "Rust developer",
        "skills": [{"skill": "rust", "level": 4}], "days_per_week": 2,
        "start": "2027-01-04", "end": "2027-03-26", "work_mode": "remote"});
    let res = app
        .post_json("/api/v1/offers", &offer_body, Some(&net.partner))
        .await;
    assert_eq!(res.status(), 201);
    let offer: Value = res.json().await.unwrap();
    let ask_path = format!(
        "/api/v1/offers/{}/placements",
        offer["id"].as_str().unwrap()
    );

    for (i, impossible) in IMPOSSIBLE.iter().enumerate() {
        let d = *impossible;
        let cases: Vec<(Method, String, Value, &str, Vec<&str>)> = vec![
            (
                Method::POST,
                "/api/v1/offers".into(),
                json!({"coop": "partner-coop", "title": "Rust", "skills": [{"skill": "rust", "level": 4}],
                    "days_per_week": 2, "start": d, "end": d, "work_mode": "remote"}),
                &net.partner,
                vec!["/end", "/start"],
            ),
            (
                Method::POST,
                "/api/v1/requests".into(),
                json!({"coop": "lead-coop", "title": "Audit", "days_per_week": 1, "start": "2027-01-04", "end": d}),
                &net.lead,
                vec!["/end"],
            ),
            (
                Method::POST,
                ask_path.clone(),
                json!({"requesting_coop": "lead-coop", "days_per_week": 1, "start": d, "end": "2027-01-29"}),
                &net.lead,
                vec!["/start"],
            ),
            (
                Method::POST,
                format!("/api/v1/bids/{bid}/roles"),
                json!({"title": "Backend", "effort_days": 5, "start": d, "end": "2027-09-30"}),
                &net.lead,
                vec!["/start"],
            ),
            (
                Method::POST,
                format!("/api/v1/bids/{bid}/sections"),
                json!({"title": "Pricing", "due": d}),
                &net.lead,
                vec!["/due"],
            ),
            (
                Method::POST,
                format!("/api/v1/fund/years/{year}/invoices"),
                json!({"coop": "lead-coop", "number": format!("NF-X{i}"), "amount": 100,
                    "issued_on": d, "due_on": d}),
                &steward,
                vec!["/due_on", "/issued_on"],
            ),
            (
                Method::POST,
                format!(
                    "/api/v1/fund/invoices/{}/payments",
                    invoice["id"].as_str().unwrap()
                ),
                json!({"amount": 100, "paid_on": d}),
                &steward,
                vec!["/paid_on"],
            ),
            (
                Method::POST,
                format!("/api/v1/fund/years/{year}/spending"),
                json!({"spent_on": d, "amount": 100, "purpose": "Hosting"}),
                &steward,
                vec!["/spent_on"],
            ),
            (
                Method::POST,
                "/api/v1/coops/partner-coop/people".into(),
                json!({"name": "Ada", "days_per_week": 2, "available_from": d,
                    "skills": [{"skill": "Rust", "level": 3, "interest": 3}]}),
                &net.partner,
                vec!["/available_from"],
            ),
            (
                Method::POST,
                "/api/v1/opportunities".into(),
                json!({"title": "Far off", "deadline": format!("{d}T12:00:00Z")}),
                &net.lead,
                vec!["/deadline"],
            ),
        ];
        for (method, path, body, token, expected) in cases {
            let found = refused(app, method, &path, &body, token).await;
            assert_eq!(found, expected, "{path} with {d}");
        }
    }
}
