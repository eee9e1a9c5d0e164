//! Tenders ranked for co-ops on notices shaped like real UK ones: a
//! software tender under a parking code, items' codes, lots' words, places
//! by address, postcode or buyer, and words matched with typos and stems.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::coops::{approved, coop};
use crate::helpers::TestApp;

backend_tests!(
    tenders_rank_by_codes_words_and_place_with_reasons,
    tender_words_match_with_typos_and_stems,
);

const UK_TENDERS: &str = include_str!("../../fixtures/ocds/uk-tenders-release-package.json");

/// A co-op at `town` (coordinates) offering `services`.
fn coop_at(slug: &str, (lat, lon): (f64, f64), services: &[&str], technologies: &[&str]) -> Value {
    let mut body = coop(slug);
    body["location"] = json!({"locality": "", "country": "gb", "latitude": lat, "longitude": lon});
    body["services"] = json!(services);
    body["technologies"] = json!(technologies);
    body
}

async fn imported(app: &TestApp) -> (String, String) {
    let steward = app.network_admin("steward@example.coop").await;
    let admin = app.user("ada@example.coop").await;
    let res = app
        .client
        .post(app.url("/api/v1/opportunities/import"))
        .header("Content-Type", "application/json")
        .bearer_auth(&steward)
        .body(UK_TENDERS)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    (steward, admin)
}

fn titles(list: &Value) -> Vec<(String, Option<String>)> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["opportunity"]["title"].as_str().unwrap().to_owned(),
                item["place"]["name"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn tenders_rank_by_codes_words_and_place_with_reasons(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (steward, admin) = imported(&app).await;
    let sheffield_web = coop_at(
        "sheffield-web",
        (53.38, -1.47),
        &["web apps", "UX"],
        &["Drupal"],
    );
    approved(&app, &sheffield_web, &admin, &steward).await;
    let plymouth_host = coop_at("plymouth-host", (50.37, -4.14), &["hosting"], &[]);
    approved(&app, &plymouth_host, &admin, &steward).await;

    let ranked = app
        .get_json("/api/v1/coops/sheffield-web/opportunities", None)
        .await;
    let place = |name: &str| Some(name.to_owned());
    assert_eq!(
        titles(&ranked),
        [
            ("Website redevelopment".to_owned(), place("Sheffield")),
            ("Website redevelopment".to_owned(), place("Plymouth")),
            (
                "Civil Parking Enforcement Back Office System".to_owned(),
                place("Sheffield")
            ),
        ],
        "the local website first; the parking contract's software ranks by its words; \
         grounds maintenance, printing and training do not rank"
    );
    let local = &ranked["items"][0];
    assert!(
        local["place"]["distance_km"].as_f64().unwrap() < 5.0,
        "{local}"
    );
    assert!(ranked["items"][1]["place"]["distance_km"].as_f64().unwrap() > 300.0);
    assert_eq!(local["covered"][0]["because"]["kind"], "cpv");
    assert_eq!(local["covered"][0]["because"]["cpv"], "72413000");
    assert!(
        local["missing"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "accessibility"),
        "WCAG in its words asks for accessibility: {local}"
    );
    let parking = &ranked["items"][2];
    assert_eq!(
        parking["covered"],
        json!([{"slug": "web-development", "evidence": ["listed"],
                "because": {"kind": "words", "cpv": null, "cpv_description": null,
                            "words": "software"}}])
    );
    assert_eq!(parking["opportunity"]["place"], "Sheffield, S1 2HH");
    let reasons: Vec<&str> = parking["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        reasons[0],
        "Web development: its text says \"software\"; the co-op lists it."
    );
    assert!(reasons.iter().any(|r| r.starts_with("Not shown by the co-op, for partners to bring: Business systems (its text says \"back office system\")")), "{reasons:?}");
    assert!(
        reasons.contains(&"The work is in Sheffield, 0.4 km from the co-op."),
        "{reasons:?}"
    );
    assert!(reasons.contains(&"Worth GBP 850,000."), "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("suits small and medium enterprises")),
        "{reasons:?}"
    );

    // An item's code counts: hosting of a library system filed under maintenance.
    let ranked = app
        .get_json("/api/v1/coops/plymouth-host/opportunities", None)
        .await;
    let first = &ranked["items"][0];
    assert_eq!(
        first["opportunity"]["title"],
        "Library management system: support and hosting"
    );
    assert_eq!(first["covered"][0]["because"]["cpv"], "72415000");
    assert_eq!(first["place"]["name"], "Plymouth");
}

async fn tender_words_match_with_typos_and_stems(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    imported(&app).await;
    let found = |query: &'static str| {
        let app = &app;
        async move {
            let list = app
                .get_json(&format!("/api/v1/opportunities?{query}"), None)
                .await;
            let mut titles: Vec<String> = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["title"].as_str().unwrap().to_owned())
                .collect();
            titles.sort();
            assert_eq!(list["total"].as_u64().unwrap() as usize, titles.len());
            titles
        }
    };
    let parking = ["Civil Parking Enforcement Back Office System".to_owned()];
    assert_eq!(found("q=parking%20back%20office").await, parking);
    assert_eq!(found("q=office%20parking").await, parking, "any order");
    assert_eq!(found("q=parkng%20enforcment").await, parking, "typos");
    assert_eq!(
        found("q=portals").await,
        parking,
        "another form of the word"
    );
    assert_eq!(
        found("q=user%20research").await,
        ["Patient engagement programme"],
        "lots"
    );
    assert_eq!(found("q=websites").await.len(), 2);
    assert_eq!(found("q=sheffield").await.len(), 3, "the buyer's name");
    assert_eq!(
        found("q=websites&value_min=100000000").await.len(),
        0,
        "with the other filters"
    );
    assert!(
        found("q=parking%20website").await.is_empty(),
        "every word must match"
    );
    assert_eq!(found("q=%2C").await.len(), 8, "no words: no word filter");
}
