//! A year's whole cycle: invitation, pledges, a decline, invoices and
//! payments, spending, balance and runway, with exact sums; and who sees
//! what of it.

use chrono::{Datelike, Months};
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{day, open_year, post, today};
use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(a_fund_year_runs_from_pledges_to_runway_and_shows_each_its_own,);

struct Net {
    app: TestApp,
    steward: String,
    alpha: String,
    beta: String,
    gamma: String,
    delta: String,
    outsider: String,
}

async fn network(backend: Backend) -> Net {
    let app = TestApp::spawn(backend).await;
    let steward = app.network_admin("steward@example.coop").await;
    let alpha = app.user("al@alpha.coop").await;
    let beta = app.user("bo@beta.coop").await;
    let gamma = app.user("gi@gamma.coop").await;
    let delta = app.user("di@delta.coop").await;
    let outsider = app.user("eve@example.org").await;
    for (slug, token) in [("alpha", &alpha), ("beta", &beta), ("gamma", &gamma)] {
        approved_coop(&app, slug, token, &steward).await;
    }
    let res = app
        .post_json("/api/v1/coops", &coop("delta"), Some(&delta))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    Net {
        app,
        steward,
        alpha,
        beta,
        gamma,
        delta,
        outsider,
    }
}

async fn pledge(net: &Net, year: i32, body: Value, token: &str, status: u16) -> Value {
    let path = format!("/api/v1/fund/years/{year}/pledges");
    post(&net.app, &path, body, token, status).await
}

async fn contribution(net: &Net, slug: &str, token: &str) -> Value {
    let coop = net
        .app
        .get_json(&format!("/api/v1/coops/{slug}"), Some(token))
        .await;
    coop["membership"]
        .get("fund_contribution")
        .cloned()
        .unwrap_or(json!("hidden"))
}

async fn a_fund_year_runs_from_pledges_to_runway_and_shows_each_its_own(backend: Backend) {
    let net = network(backend).await;
    let app = &net.app;
    let body = json!({"year": 2030, "purpose": "Not mine to open"});
    assert_problem(
        app.post_json("/api/v1/fund/years", &body, Some(&net.alpha))
            .await,
        403,
        "forbidden",
    )
    .await;
    let year = open_year(app, &net.steward, "Shared hosting and an organiser").await;
    let gbp = |amount: i64| json!({"amount": amount, "currency": "GBP"});

    let alpha = pledge(
        &net,
        year,
        json!({"coop": "alpha", "amount": gbp(25000)}),
        &net.alpha,
        200,
    )
    .await;
    assert_eq!(alpha["answer"], "pledged");
    assert_eq!(
        alpha["suggested"], 10000,
        "no member count: the smallest band"
    );
    pledge(
        &net,
        year,
        json!({"coop": "beta", "amount": gbp(15000)}),
        &net.beta,
        200,
    )
    .await;
    let declined = pledge(
        &net,
        year,
        json!({"coop": "gamma", "declined": true}),
        &net.gamma,
        200,
    )
    .await;
    assert_eq!(declined["answer"], "declined");
    let problem = pledge(
        &net,
        year,
        json!({"coop": "delta", "amount": gbp(100)}),
        &net.delta,
        409,
    )
    .await;
    assert_eq!(problem["code"], "not_invited");
    let problem = pledge(
        &net,
        year,
        json!({"coop": "alpha", "declined": true}),
        &net.beta,
        403,
    )
    .await;
    assert_eq!(problem["code"], "forbidden");
    let problem = pledge(
        &net,
        year,
        json!({"coop": "beta", "amount": {"amount": 5, "currency": "EUR"}}),
        &net.beta,
        422,
    )
    .await;
    assert_eq!(problem["errors"][0]["pointer"], "/amount/currency");

    // The status follows the answer, for the co-op itself and the stewards only.
    assert_eq!(contribution(&net, "alpha", &net.alpha).await, "paying");
    assert_eq!(contribution(&net, "gamma", &net.gamma).await, "non_paying");
    assert_eq!(
        contribution(&net, "gamma", &net.steward).await,
        "non_paying"
    );
    assert_eq!(contribution(&net, "gamma", &net.beta).await, "hidden");

    // Invoices against pledges, payments against invoices.
    let invoices = format!("/api/v1/fund/years/{year}/invoices");
    let invoice = |coop: &str, number: &str, amount: i64| {
        json!({"coop": coop, "number": number, "amount": amount,
               "issued_on": day(app, 0), "due_on": day(app, 30)})
    };
    let first = post(
        app,
        &invoices,
        invoice("alpha", "NF-1", 25000),
        &net.steward,
        201,
    )
    .await;
    assert_eq!(first["state"], "open");
    let problem = post(
        app,
        &invoices,
        invoice("beta", "NF-1", 100),
        &net.steward,
        409,
    )
    .await;
    assert_eq!(problem["code"], "conflict");
    let second = post(
        app,
        &invoices,
        invoice("beta", "NF-2", 15000),
        &net.steward,
        201,
    )
    .await;
    let problem = post(
        app,
        &invoices,
        invoice("gamma", "NF-3", 100),
        &net.steward,
        409,
    )
    .await;
    assert_eq!(problem["code"], "not_pledged");
    // Invoices for a pledge never total more than it: beta pledged 15000.
    let problem = post(
        app,
        &invoices,
        invoice("beta", "NF-4", 1),
        &net.steward,
        409,
    )
    .await;
    assert_eq!(problem["code"], "over_pledge");
    post(app, &invoices, invoice("beta", "NF-9", 100), &net.beta, 403).await;
    let pay = |invoice: &Value| {
        format!(
            "/api/v1/fund/invoices/{}/payments",
            invoice["id"].as_str().unwrap()
        )
    };
    let payment =
        |amount: i64| json!({"amount": amount, "paid_on": day(app, 0), "reference": "BACS"});
    post(app, &pay(&first), payment(10000), &net.steward, 201).await;
    let paid = post(app, &pay(&first), payment(15000), &net.steward, 201).await;
    assert_eq!(
        (paid["paid"].as_i64(), paid["state"].as_str()),
        (Some(25000), Some("paid"))
    );
    // A paid invoice takes no more, and no payment takes one past its amount.
    let problem = post(app, &pay(&first), payment(1), &net.steward, 409).await;
    assert_eq!(problem["code"], "overpaid");
    let problem = post(app, &pay(&second), payment(15001), &net.steward, 409).await;
    assert_eq!(problem["code"], "overpaid");
    post(app, &pay(&second), payment(5000), &net.steward, 201).await;
    let problem = pledge(
        &net,
        year,
        json!({"coop": "alpha", "declined": true}),
        &net.alpha,
        409,
    )
    .await;
    assert_eq!(problem["code"], "pledge_invoiced");

    // Spending, then the year's sums and runway.
    let spending = format!("/api/v1/fund/years/{year}/spending");
    let spend = |amount: i64, days: i64, category: &str| json!({"spent_on": day(app, days), "amount": amount, "purpose": "Hosting", "category": category});
    post(
        app,
        &spending,
        spend(12000, -1, "infrastructure"),
        &net.steward,
        201,
    )
    .await;
    post(
        app,
        &spending,
        spend(6000, 0, "organising"),
        &net.steward,
        201,
    )
    .await;
    post(app, &spending, spend(1, 0, "other"), &net.beta, 403).await;
    let shown = app
        .get_json(
            &format!("/api/v1/fund/years/{year}?months=6"),
            Some(&net.beta),
        )
        .await;
    assert_eq!(
        shown["totals"],
        json!({"pledged": 40000, "pledged_by_bids": 0, "contributing_coops": 2,
               "raised": 30000, "spent": 18000, "carried_in": 0, "balance": 12000}),
        "{shown}"
    );
    let this_month = today(app).1.with_day(1).unwrap();
    let out = this_month.checked_add_months(Months::new(4)).unwrap();
    assert_eq!(
        shown["runway"],
        json!({"months_averaged": 6, "spent_in_them": 18000, "monthly_spend": 3000,
               "months_left": 4, "runs_out_in": out.format("%Y-%m").to_string()})
    );
    assert!(
        shown.get("from_bids").is_none(),
        "the consortia are the stewards'"
    );
    let listed = app.get_json(&spending, Some(&net.beta)).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 2);

    // Outsiders read the purpose only; no one else reads a co-op's part.
    for token in [None, Some(net.outsider.as_str())] {
        let seen = app
            .get_json(&format!("/api/v1/fund/years/{year}"), token)
            .await;
        assert_eq!(seen["purpose"], "Shared hosting and an organiser");
        assert_eq!(seen["optional"], true);
        assert!(
            seen.get("totals").is_none() && seen.get("runway").is_none(),
            "{seen}"
        );
    }
    assert_eq!(app.get(&spending, Some(&net.outsider)).await.status(), 404);
    let answers = format!("/api/v1/fund/years/{year}/pledges");
    assert_eq!(app.get(&answers, Some(&net.beta)).await.status(), 403);
    let all = app.get_json(&answers, Some(&net.steward)).await;
    let kinds: Vec<(&str, &str)> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["coop"]["slug"].as_str().unwrap(),
                p["answer"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("alpha", "pledged"),
            ("beta", "pledged"),
            ("gamma", "declined")
        ]
    );
    assert_eq!(
        app.get("/api/v1/coops/alpha/fund", Some(&net.beta))
            .await
            .status(),
        403
    );
    let own = app
        .get_json("/api/v1/coops/alpha/fund", Some(&net.alpha))
        .await;
    assert_eq!(own["years"][0]["invoices"][0]["number"], "NF-1");
    let invoice_path = format!("/api/v1/fund/invoices/{}", first["id"].as_str().unwrap());
    assert_eq!(app.get(&invoice_path, Some(&net.beta)).await.status(), 404);
    let document = format!("{invoice_path}/document");
    assert_eq!(app.get(&document, Some(&net.beta)).await.status(), 404);
    let page = app
        .get(&document, Some(&net.alpha))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<strong>optional</strong>") && page.contains("Shared hosting"),
        "{page}"
    );

    // Nothing anywhere calls an answer overdue.
    let gamma_page = app
        .get_json("/api/v1/coops/gamma/fund", Some(&net.gamma))
        .await;
    for seen in [&gamma_page, &all, &own, &shown] {
        assert!(
            !seen.to_string().to_lowercase().contains("overdue"),
            "{seen}"
        );
    }
    assert!(!page.to_lowercase().contains("overdue"));
    assert_eq!(gamma_page["years"][0]["answer"], "declined");
}
