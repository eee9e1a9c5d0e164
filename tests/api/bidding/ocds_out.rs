//! A bid as open data: the OCDS release validates against the published
//! OCDS 1.1 release schema with the bids and lots extensions applied (as
//! JSON Merge Patches), and names only the co-ops that accepted.

use coophub_testkit::{Backend, backend_tests};
use serde_json::{Value, json};

use super::Consortium;

backend_tests!(a_bid_exports_as_an_ocds_release_that_validates,);

const CORE: &str = include_str!("../../fixtures/ocds/schema/release-schema-1__1__4.json");
const BIDS: &str = include_str!("../../fixtures/ocds/schema/bid-extension-release-schema.json");
const LOTS: &str = include_str!("../../fixtures/ocds/schema/lots-extension-release-schema.json");
const RECORDS: &str = include_str!("../../fixtures/ocds/find-a-tender-record-package.json");

/// RFC 7386 JSON Merge Patch, as OCDS applies extensions.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    target.remove(key);
                } else {
                    merge(target.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

/// The OCDS 1.1 release schema with the bids and lots extensions.
pub(super) fn extended_schema() -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(CORE).unwrap();
    merge(&mut schema, &serde_json::from_str(BIDS).unwrap());
    merge(&mut schema, &serde_json::from_str(LOTS).unwrap());
    // Defined by the submission terms extension, which coophub does not use.
    schema["definitions"]["SubmissionTerms"] = json!({});
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// The one release of the package `GET /api/v1/bids/{id}/ocds` answers,
/// after checking the package declares the extensions the release uses.
fn release_of(package: &Value) -> Value {
    let bids = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
    let lots = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    assert_eq!(package["version"], "1.1", "{package}");
    assert!(
        package["uri"].as_str().unwrap().ends_with("/ocds"),
        "{package}"
    );
    let releases = package["releases"].as_array().unwrap();
    assert_eq!(releases.len(), 1, "{package}");
    let release = releases[0].clone();
    let mut wanted = vec![bids];
    if release["tender"].get("lots").is_some() {
        wanted.push(lots);
    }
    assert_eq!(package["extensions"], json!(wanted), "{package}");
    release
}

/// The release of `bid` as `token` exports it, from its package.
pub(super) async fn exported(net: &Consortium, bid: &Value, token: &str) -> Value {
    let package = net
        .get(bid, "/ocds", Some(token))
        .await
        .json::<Value>()
        .await
        .unwrap();
    release_of(&package)
}

/// Asserts `release` is valid, listing every error otherwise.
pub(super) fn assert_valid(validator: &jsonschema::Validator, release: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(release)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{release:#}");
}

async fn a_bid_exports_as_an_ocds_release_that_validates(backend: Backend) {
    let validator = extended_schema();
    assert!(
        !validator.is_valid(
            &json!({"ocid": "x", "id": "1", "date": "2026-11-01T00:00:00Z",
                                    "tag": ["tender"], "initiationType": "tender",
                                    "bids": {"details": [{"status": "won"}]}})
        ),
        "the extended schema checks bids"
    );
    let net = Consortium::start(backend).await;
    let res = net
        .app
        .post_raw(
            "/api/v1/opportunities/import",
            Some("application/json"),
            RECORDS.into(),
        )
        .await;
    assert_eq!(res.status(), 401);
    let res = net
        .app
        .client
        .post(net.app.url("/api/v1/opportunities/import"))
        .bearer_auth(&net.lead)
        .header("Content-Type", "application/json")
        .body(RECORDS)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let imported: Value = res.json().await.unwrap();
    let tender = imported["items"][0]["id"].as_str().unwrap().to_owned();

    // A bid on lot 1, with the partner invited: not named until it accepts.
    let body = json!({"opportunity_id": tender, "lead_coop": "lead-coop",
                      "title": "Patient data platform, lot 1", "lot_id": "1"});
    let res = net
        .app
        .post_json("/api/v1/bids", &body, Some(&net.lead))
        .await;
    assert_eq!(res.status(), 201);
    let bid: Value = res.json().await.unwrap();
    net.invite(&bid, "partner-coop").await;
    let release = exported(&net, &bid, &net.lead).await;
    assert_valid(&validator, &release);
    assert!(!release.to_string().contains("partner-coop"), "{release}");
    net.partner_joins(&bid).await;
    net.ok(&bid, "decision", &json!({"go": true}), &net.lead)
        .await;
    net.ok(&bid, "submit", &json!({"confirm": true}), &net.lead)
        .await;
    let release = exported(&net, &bid, &net.partner).await;
    assert_valid(&validator, &release);
    assert_eq!(release["ocid"], "ocds-h6vhtk-fixture-0003");
    let detail = &release["bids"]["details"][0];
    assert_eq!(detail["status"], "pending");
    assert_eq!(detail["relatedLots"], json!(["1"]));
    assert_eq!(release["tender"]["lots"][0]["id"], "1");
    let tenderers: Vec<&str> = detail["tenderers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(tenderers, ["coophub-lead-coop", "coophub-partner-coop"]);
    let roles: Vec<(&str, &Value)> = release["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), &p["roles"]))
        .collect();
    assert_eq!(roles[0], ("GB-NHS-RX1", &json!(["buyer"])));
    assert_eq!(roles[2], ("coophub-partner-coop", &json!(["tenderer"])));
    assert_eq!(release["buyer"]["name"], "An NHS trust");

    // A bid without a lot validates too, and its value is in major units.
    let plain = net.open_bid().await;
    let release = exported(&net, &plain, &net.lead).await;
    assert_valid(&validator, &release);
    assert_eq!(
        release["bids"]["details"][0]["value"],
        json!({"amount": 120000.0, "currency": "GBP"})
    );
    assert!(release["tender"].get("lots").is_none());
}
