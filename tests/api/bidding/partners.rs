//! The consortium as CSV for a tender's forms: the lead and the partners
//! that joined, their legal details, contact and roles; to the consortium only.

use coophub_testkit::{Backend, backend_tests};
use serde_json::json;

use super::Consortium;

backend_tests!(the_consortium_exports_as_csv_for_the_tender_forms);

async fn the_consortium_exports_as_csv_for_the_tender_forms(backend: Backend) {
    let net = Consortium::start(backend).await;
    let contact = json!({"contact": {"email": "bids@partner.coop", "phone": "+44 113 496 0000"}});
    let res = net
        .app
        .send(
            reqwest::Method::PATCH,
            "/api/v1/coops/partner-coop",
            Some(&contact),
            Some(&net.partner),
            None,
        )
        .await;
    assert!(res.status().is_success(), "{:?}", res.text().await);
    let bid = net.open_bid().await;
    net.invite(&bid, "partner-coop").await;
    net.partner_joins(&bid).await;
    net.invite(&bid, "other-coop").await;
    for (title, days, coop) in [
        ("Build", 30, "lead-coop"),
        ("Hosting", 10, "partner-coop"),
        ("Ops", 5, "partner-coop"),
    ] {
        let role = json!({"title": title, "effort_days": days, "coop": coop});
        net.ok(&bid, "roles", &role, &net.lead).await;
    }
    let res = net.get(&bid, "/partners.csv", Some(&net.partner)).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "role",
            "name",
            "legal_form",
            "registration_number",
            "address",
            "locality",
            "postcode",
            "country",
            "website",
            "email",
            "phone",
            "roles",
            "effort_days"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        2,
        "the invited co-op is not yet a partner: {text}"
    );
    assert_eq!(&rows[0][0], "lead");
    assert_eq!(&rows[0][1], "Co-op lead-coop");
    assert_eq!(&rows[0][2], "Registered co-operative society");
    assert_eq!(&rows[0][5], "Leeds");
    assert_eq!((&rows[0][11], &rows[0][12]), ("Build", "30"));
    assert_eq!(&rows[1][0], "partner");
    assert_eq!(
        (&rows[1][9], &rows[1][10]),
        ("bids@partner.coop", "+44 113 496 0000")
    );
    assert_eq!((&rows[1][11], &rows[1][12]), ("Hosting; Ops", "15"));

    assert_eq!(
        net.get(&bid, "/partners.csv", Some(&net.other))
            .await
            .status(),
        403,
        "invited, not a partner"
    );
    assert_eq!(
        net.get(&bid, "/partners.csv", Some(&net.outsider))
            .await
            .status(),
        404
    );
}
