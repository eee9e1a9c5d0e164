use serde_json::json;

use super::*;

fn instant(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// When the test packages arrive: after every release in them.
fn received() -> DateTime<Utc> {
    instant("2026-12-06T12:00:00Z")
}

/// Shaped like a Contracts Finder release: CPV on the tender, suitability
/// flags, the amount as a float, the buyer's id empty and its identifier only
/// among the parties.
fn contracts_finder() -> Value {
    json!({"uri": "https://example.org/package", "publishedDate": "2026-11-10T09:00:00Z",
           "releases": [{
        "ocid": "ocds-b5fd17-0001", "id": "0001-tender-1", "date": "2026-11-10T09:00:00Z",
        "tag": ["tender"], "initiationType": "tender",
        "parties": [{"id": "", "name": "Leeds City Council", "roles": ["buyer"],
                     "identifier": {"scheme": "GB-COH", "id": "00000001"},
                     "address": {"locality": "Leeds", "region": "Yorkshire and the Humber"}}],
        "buyer": {"id": "", "name": "Leeds City Council"},
        "tender": {"title": "Accessible website", "description": "Rebuild the site.",
                   "value": {"amount": 50000.5, "currency": "gbp"},
                   "classification": {"scheme": "CPV", "id": "72413000", "description": "site design"},
                   "tenderPeriod": {"endDate": "2027-02-28T12:00:00Z"},
                   "procurementMethod": "open",
                   "suitability": {"sme": true, "vcse": false},
                   "documents": [{"url": "https://example.org/notice", "documentType": "tenderNotice"},
                                 {"url": "not a link"}]}
    }]})
}

/// Shaped like a Find a Tender release: CPV on items (and additional ones),
/// lots with their values and periods, a gross value, a date without a zone.
fn find_a_tender() -> Value {
    json!({"releases": [{
        "ocid": "ocds-h6vhtk-0002", "id": "0002-1", "date": "2026-11-11T10:30:00",
        "tag": ["tender"],
        "buyer": {"id": "GB-FTS-1", "name": "An NHS trust"},
        "parties": [{"id": "GB-FTS-1", "name": "An NHS trust", "roles": ["buyer"],
                     "identifier": {"scheme": "GB-NHS", "id": "RX1"}}],
        "tender": {"title": "Data platform", "status": "active",
                   "value": {"amount": "100000", "amountGross": 120000, "currency": "GBP"},
                   "items": [{"id": "1", "classification": {"scheme": "CPV", "id": "72316000-3"},
                              "deliveryAddresses": [{"region": "North West"}],
                              "additionalClassifications": [{"scheme": "cpv", "id": "48600000"},
                                                            {"scheme": "OTHER", "id": "x"}]}],
                   "enquiryPeriod": {"endDate": "2027-02-01"},
                   "tenderPeriod": {"endDate": "2027-02-15T17:00:00+00:00"},
                   "lots": [{"id": "1", "title": "Build", "status": "active",
                             "value": {"amount": 60000, "currency": "GBP"},
                             "contractPeriod": {"startDate": "2027-04-01T00:00:00Z",
                                                "endDate": "2028-03-31T00:00:00Z"}},
                            {"title": "No id"}]}
    }]})
}

#[test]
fn a_contracts_finder_release_is_read_field_by_field() {
    let package = read_package(&contracts_finder(), received()).unwrap();
    let release = &package.releases[0];
    assert_eq!(release.ocid, "ocds-b5fd17-0001");
    assert_eq!(release.release_date, instant("2026-11-10T09:00:00Z"));
    assert!(release.calls_for_tenders() && !release.is_planning());
    assert_eq!(release.title, "Accessible website");
    assert_eq!(release.buyer_name.as_deref(), Some("Leeds City Council"));
    assert_eq!(release.buyer_id.as_deref(), Some("GB-COH-00000001"));
    assert_eq!(
        release.region.as_deref(),
        Some("Yorkshire and the Humber"),
        "the buyer's, without delivery addresses"
    );
    assert_eq!(
        release.value,
        Some(TenderValue {
            amount: 5_000_050,
            gross: None,
            currency: "GBP".into()
        })
    );
    assert_eq!(release.cpv, ["72413000"]);
    assert_eq!(release.deadline, Some(instant("2027-02-28T12:00:00Z")));
    assert_eq!(
        (release.suitable_for_sme, release.suitable_for_vcse),
        (Some(true), Some(false))
    );
    assert_eq!(release.procurement_method.as_deref(), Some("open"));
    assert_eq!(release.documents.len(), 1, "only links are kept");
    assert_eq!(release.status, None);
}

#[test]
fn a_find_a_tender_release_keeps_item_cpv_lots_and_gross_values() {
    let package = read_package(&find_a_tender(), received()).unwrap();
    let release = &package.releases[0];
    assert_eq!(release.cpv, ["72316000", "48600000"]);
    assert_eq!(
        release.value.as_ref().map(|v| (v.amount, v.gross)),
        Some((10_000_000, Some(12_000_000)))
    );
    assert_eq!(release.buyer_id.as_deref(), Some("GB-NHS-RX1"));
    assert_eq!(
        release.region.as_deref(),
        Some("North West"),
        "an item's delivery"
    );
    assert_eq!(
        release.enquiry_deadline,
        Some(instant("2027-02-01T00:00:00Z"))
    );
    assert_eq!(release.lots.len(), 1);
    assert_eq!(
        release.lots[0].value.as_ref().map(|v| v.amount),
        Some(6_000_000)
    );
    assert_eq!(
        release.lots[0].contract_period.end,
        Some(instant("2028-03-31T00:00:00Z"))
    );
    let warned: Vec<&str> = package
        .warnings
        .iter()
        .map(|w| w.pointer.as_str())
        .collect();
    assert_eq!(warned, ["/releases/0/date", "/releases/0/tender/lots/1/id"]);
}

#[test]
fn record_packages_give_their_compiled_or_newest_release() {
    let release = contracts_finder()["releases"][0].clone();
    let mut older = release.clone();
    older["date"] = json!("2026-10-01T09:00:00Z");
    older["tender"]["title"] = json!("Older");
    let package = json!({"records": [
        {"ocid": "ocds-b5fd17-0001", "compiledRelease": release},
        {"ocid": "ocds-b5fd17-0001", "releases": [older, release]},
    ]});
    let read = read_package(&package, received()).unwrap();
    assert_eq!(read.releases.len(), 2);
    let compiled = json!({"records": [{"ocid": "o", "compiledRelease": {
        "ocid": "o", "id": "o-2", "date": "2026-11-01T00:00:00Z", "tag": ["compiled"],
        "tender": {"status": "active"}}}]});
    assert!(read_package(&compiled, received()).unwrap().releases[0].calls_for_tenders());
    assert!(
        read.releases
            .iter()
            .all(|r| r.title == "Accessible website")
    );
    let award = json!({"releases": [{"ocid": "o", "id": "1", "date": "2026-11-01T00:00:00Z",
                                     "tag": ["award"], "tender": {}}]});
    let read = read_package(&award, received()).unwrap();
    assert!(!read.releases[0].calls_for_tenders());
    assert_eq!(read.releases[0].buyer_name, None);
}

#[test]
fn a_package_with_a_broken_release_is_refused_whole_naming_every_problem() {
    let mut package = find_a_tender();
    package["releases"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "x", "date": "soon", "tender": {}}));
    let errors = read_package(&package, received()).unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/releases/1/ocid", "/releases/1/date"]);
    let errors = read_package(&json!({"hello": "world"}), received()).unwrap_err();
    assert_eq!(errors.0[0].pointer, "");
    let errors = read_package(
        &json!({"records": [{"ocid": "o", "releases": [{"url": "x"}]}]}),
        received(),
    )
    .unwrap_err();
    assert_eq!(errors.0[0].pointer, "/records/0");
}

#[test]
fn releases_dated_more_than_a_day_ahead_are_refused_at_their_date() {
    let mut package = contracts_finder();
    package["releases"][0]["date"] = json!("2026-12-07T11:59:00Z");
    assert!(
        read_package(&package, received()).is_ok(),
        "within a day: clocks differ"
    );
    package["releases"][0]["date"] = json!("2099-01-01T00:00:00Z");
    let errors = read_package(&package, received()).unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/releases/0/date"]);
    assert!(errors.0[0].message.contains("in the future"), "{errors:?}");
}

/// Imports take the checks of a tender entered by hand (issue 27, item 4):
/// impossible dates, negative amounts, over-long text and control
/// characters are refused at their pointers, all at once.
#[test]
fn imported_releases_get_the_manual_entry_rules() {
    let mut package = contracts_finder();
    let release = &mut package["releases"][0];
    release["tender"]["title"] = json!("x".repeat(301));
    release["tender"]["description"] = json!("bell\u{7} and NUL\u{0}");
    release["tender"]["value"]["amount"] = json!(-5);
    release["tender"]["tenderPeriod"]["endDate"] = json!("+10000-01-01T00:00:00Z");
    release["tender"]["contractPeriod"] =
        json!({"startDate": "-5000-01-01", "endDate": "0000-06-30"});
    let errors = read_package(&package, received()).unwrap_err();
    let mut pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    pointers.sort_unstable();
    assert_eq!(
        pointers,
        [
            "/releases/0/tender/contractPeriod/endDate",
            "/releases/0/tender/contractPeriod/startDate",
            "/releases/0/tender/description",
            "/releases/0/tender/title",
            "/releases/0/tender/value/amount",
        ],
        "{errors:?}"
    );

    // A release date outside the plausible range is named once.
    let mut package = contracts_finder();
    package["releases"][0]["date"] = json!("0001-01-01T00:00:00Z");
    let errors = read_package(&package, received()).unwrap_err();
    let pointers: Vec<&str> = errors.0.iter().map(|e| e.pointer.as_str()).collect();
    assert_eq!(pointers, ["/releases/0/date"]);
    assert_eq!(errors.0[0].message, crate::dates::RANGE_MESSAGE);
}
