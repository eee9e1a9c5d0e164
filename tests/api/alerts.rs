//! Alerts on opportunities: a new or changed tender that matches tells the
//! account (or a co-op's admins) once, with the reasons, and never again on
//! re-import; closed tenders tell nobody.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::bidding::Consortium;
use crate::helpers::{assert_problem, pointers};

backend_tests!(a_matching_tender_tells_each_alert_once,);

fn package(ocid: &str, date: &str, end: &str) -> Value {
    json!({"uri": "https://example.org/p", "version": "1.1", "publishedDate": date,
        "releases": [{"ocid": ocid, "id": format!("{ocid}-{date}"), "date": date, "tag": ["tender"],
            "buyer": {"name": "Leeds City Council"},
            "parties": [{"name": "Leeds City Council", "roles": ["buyer"],
                         "address": {"region": "Yorkshire and the Humber"}}],
            "tender": {"id": "1", "title": "Patient portal", "status": "active",
                "classification": {"scheme": "CPV", "id": "72413000"},
                "value": {"amount": 80000, "currency": "GBP"},
                "tenderPeriod": {"endDate": end}}}]})
}

async fn a_matching_tender_tells_each_alert_once(backend: Backend) {
    let net = Consortium::start(backend).await;
    let app = &net.app;
    let save = |body: Value, token: String| async move {
        let res = app
            .post_json("/api/v1/me/alerts", &body, Some(&token))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED, "{:?}", res.text().await);
        res.json::<Value>().await.unwrap()
    };
    save(
        json!({"name": "Web work", "cpv": ["72000000"], "value_min": 1_000_000}),
        net.lead.clone(),
    )
    .await;
    save(
        json!({"name": "Web design", "coop": "partner-coop", "skills": ["web-design"]}),
        net.partner.clone(),
    )
    .await;
    let mine = save(
        json!({"name": "Portals", "words": "portal", "buyer": "leeds", "region": "yorkshire"}),
        net.outsider.clone(),
    )
    .await;
    save(
        json!({"name": "Too big", "value_min": 100_000_000}),
        net.other.clone(),
    )
    .await;
    save(
        json!({"name": "Web work up north", "cpv": ["72000000"], "region": "north west"}),
        net.other.clone(),
    )
    .await;

    let lead = net.lead.clone();
    let import = |body: Value| {
        let lead = lead.clone();
        async move {
            let res = app
                .post_json("/api/v1/opportunities/import", &body, Some(&lead))
                .await;
            assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
        }
    };
    import(package(
        "ocds-alert-1",
        "2026-12-01T10:00:00Z",
        "2027-05-01T12:00:00Z",
    ))
    .await;
    let listed = app
        .get_json("/api/v1/opportunities?q=portal", Some(&net.lead))
        .await;
    assert_eq!(
        listed["items"][0]["region"], "Yorkshire and the Humber",
        "{listed}"
    );
    let lead = app.told(&net.lead, "opportunity.matched").await;
    assert_eq!(lead.len(), 1);
    assert!(
        lead[0].starts_with("“Patient portal” matches the alert “Web work”: CPV 72413000"),
        "{lead:?}"
    );
    assert_eq!(
        app.told(&net.partner, "opportunity.matched").await.len(),
        1,
        "a co-op's alert tells its admins"
    );
    assert!(
        app.told(&net.partner_member, "opportunity.matched")
            .await
            .is_empty()
    );
    let outsider = app.told(&net.outsider, "opportunity.matched").await;
    assert!(
        outsider[0].contains("bought by Leeds City Council")
            && outsider[0].contains("mentions portal")
            && outsider[0].contains("in Yorkshire and the Humber"),
        "{outsider:?}"
    );
    assert!(
        app.told(&net.other, "opportunity.matched").await.is_empty(),
        "out of its range, and of its region"
    );

    // The same release again, and a newer one: nobody is told twice.
    import(package(
        "ocds-alert-1",
        "2026-12-01T10:00:00Z",
        "2027-05-01T12:00:00Z",
    ))
    .await;
    import(package(
        "ocds-alert-1",
        "2026-12-02T10:00:00Z",
        "2027-05-02T12:00:00Z",
    ))
    .await;
    assert_eq!(app.told(&net.lead, "opportunity.matched").await.len(), 1);
    // A tender already closed tells nobody.
    import(package(
        "ocds-alert-2",
        "2026-12-01T10:00:00Z",
        "2026-11-01T12:00:00Z",
    ))
    .await;
    assert_eq!(
        app.told(&net.outsider, "opportunity.matched").await.len(),
        1
    );

    let listed = app.get_json("/api/v1/me/alerts", Some(&net.partner)).await;
    assert_eq!(
        listed["items"][0]["filters"]["skills"],
        json!(["web-design"])
    );
    assert_eq!(listed["items"][0]["coop"], "partner-coop");
    let path = format!("/api/v1/me/alerts/{}", mine["id"].as_str().unwrap());
    let res = app
        .send(Method::DELETE, &path, None, Some(&net.lead), None)
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = app
        .send(Method::DELETE, &path, None, Some(&net.outsider), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let bad = json!({"name": "", "skills": ["Quantum basket weaving"], "cpv": ["72"],
                     "value_min": 5, "value_max": 1});
    let res = app
        .post_json("/api/v1/me/alerts", &bad, Some(&net.lead))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/name", "/cpv/0", "/value_max"]
    );
    let unknown = json!({"name": "New skill", "skills": ["Quantum basket weaving"]});
    let res = app
        .post_json("/api/v1/me/alerts", &unknown, Some(&net.lead))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/skills/0"]
    );
    let theirs = json!({"name": "Not mine", "coop": "partner-coop"});
    assert_problem(
        app.post_json("/api/v1/me/alerts", &theirs, Some(&net.lead))
            .await,
        403,
        "forbidden",
    )
    .await;
}
