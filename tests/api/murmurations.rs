//! The Murmurations profile validates against `organizations_schema-v1.0.0`.

use coophub_testkit::{Backend, backend_tests};
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    murmurations_profiles_validate_against_the_organizations_schema,
    profile_links_come_from_the_public_url_not_the_host_header,
);

const SCHEMA: &str = include_str!("../fixtures/murmurations/organizations_schema-v1.0.0.json");

async fn murmurations_profiles_validate_against_the_organizations_schema(backend: Backend) {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    // The validator is not vacuous: a profile without a name or with a bad country fails.
    assert!(!validator.is_valid(&json!({"linked_schemas": ["organizations_schema-v1.0.0"]})));
    assert!(!validator.is_valid(&json!({"linked_schemas": ["organizations_schema-v1.0.0"], "name": "x", "country_iso_3166": "UK"})));

    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "full-profile", &owner, &admin).await;
    let minimal = json!({"slug": "minimal", "name": "Minimal Co-op"});
    app.post_json("/api/v1/coops", &minimal, Some(&owner)).await;
    app.post_json(
        "/api/v1/coops/minimal/membership",
        &json!({"action": "approve"}),
        Some(&admin),
    )
    .await;

    for slug in ["full-profile", "minimal"] {
        let res = app
            .get(&format!("/api/v1/coops/{slug}/murmurations"), None)
            .await;
        assert_eq!(res.status(), 200);
        let profile: Value = res.json().await.unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&profile)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{slug}: {errors:?}\n{profile}");
        assert_eq!(
            profile["linked_schemas"],
            json!(["organizations_schema-v1.0.0"])
        );
        assert_eq!(profile["status"], "active");
    }
    let full: Value = app
        .get("/api/v1/coops/full-profile/murmurations", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(full["country_iso_3166"], "GB");
    assert_eq!(full["geolocation"], json!({"lat": 53.8, "lon": -1.55}));
    for tag in [
        "co-operative",
        "cooperative society",
        "worker coop",
        "JavaScript",
        "PostgreSQL",
        "Web development",
    ] {
        assert!(
            full["tags"].as_array().unwrap().contains(&json!(tag)),
            "{tag} missing from {}",
            full["tags"]
        );
    }
    // By default the public URL is the address the server listens on.
    assert_eq!(
        full["urls"][0]["url"],
        app.url("/api/v1/coops/full-profile")
    );

    app.post_json(
        "/api/v1/coops",
        &json!({"slug": "applicant", "name": "Applicant"}),
        Some(&owner),
    )
    .await;
    assert_problem(
        app.get("/api/v1/coops/applicant/murmurations", None).await,
        404,
        "not_found",
    )
    .await;
}

async fn profile_links_come_from_the_public_url_not_the_host_header(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.public_url = Some("https://hub.example.coop".into());
    })
    .await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "linked", &owner, &admin).await;
    let res = app
        .client
        .get(app.url("/api/v1/coops/linked/murmurations"))
        .header("Host", "attacker.example")
        .header("X-Forwarded-Host", "attacker.example")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let profile: Value = res.json().await.unwrap();
    assert_eq!(
        profile["urls"][0]["url"],
        "https://hub.example.coop/api/v1/coops/linked"
    );
}
