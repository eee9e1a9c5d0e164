//! The skills vocabulary: autocomplete, lookup by any spelling, merge.

use coophub_testkit::{Backend, backend_tests};
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    autocomplete_puts_the_exact_match_first_and_counts_usage,
    suggest_offers_first_the_skills_most_approved_coops_list,
    a_skill_is_found_by_any_spelling_with_who_has_it,
    merging_moves_every_reference_and_spelling,
);

async fn get_json(app: &TestApp, path: &str) -> Value {
    let res = app.get(path, None).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

async fn autocomplete_puts_the_exact_match_first_and_counts_usage(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "pg-coop", &owner, &admin).await;

    let found = get_json(&app, "/api/v1/skills?q=postg").await;
    assert_eq!(found["items"][0]["slug"], "postgresql");
    assert_eq!(found["items"][0]["coop_count"], 1);
    assert_eq!(found["items"][0]["category"], "technology");

    let found = get_json(&app, "/api/v1/skills?q=JS").await;
    assert_eq!(found["items"][0]["slug"], "javascript", "{found}");

    let all = get_json(&app, "/api/v1/skills?per_page=5").await;
    assert!(
        all["total"].as_i64().unwrap() >= 150,
        "the built-in vocabulary is loaded"
    );
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    let res = app.get("/api/v1/skills?per_page=500", None).await;
    assert_problem(res, 400, "invalid_parameter").await;
}

/// The slugs suggest offers for `typed`.
async fn suggested_skills(app: &TestApp, typed: &str) -> Vec<String> {
    let answer = get_json(app, &format!("/api/v1/search/suggest?q={typed}")).await;
    answer["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|skill| skill["slug"].as_str().unwrap().to_owned())
        .collect()
}

async fn suggest_offers_first_the_skills_most_approved_coops_list(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let listing = |slug: &str, skill: &str| {
        let mut body = coop(slug);
        body["technologies"] = json!([skill]);
        body["services"] = json!([]);
        body
    };
    for (slug, skill) in [("rust-1", "Rust"), ("rust-2", "Rust"), ("ruby-1", "Ruby")] {
        crate::coops::approved(&app, &listing(slug, skill), &owner, &admin).await;
    }
    // Applied, not approved: they do not count yet.
    for slug in ["ruby-2", "ruby-3"] {
        let res = app
            .post_json("/api/v1/coops", &listing(slug, "Ruby"), Some(&owner))
            .await;
        assert_eq!(res.status(), 201);
    }
    let first_two = |skills: Vec<String>| skills.into_iter().take(2).collect::<Vec<_>>();
    assert_eq!(
        first_two(suggested_skills(&app, "ru").await),
        ["rust", "ruby"]
    );
    assert_eq!(
        suggested_skills(&app, "ruby").await[0],
        "ruby",
        "the skill typed in full comes first"
    );
    for slug in ["ruby-2", "ruby-3"] {
        let res = app
            .post_json(
                &format!("/api/v1/coops/{slug}/membership"),
                &json!({"action": "approve"}),
                Some(&admin),
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    assert_eq!(
        first_two(suggested_skills(&app, "ru").await),
        ["ruby", "rust"],
        "counts follow the index as it changes"
    );
}

async fn a_skill_is_found_by_any_spelling_with_who_has_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "k8s-coop", &owner, &admin).await;
    let mut hidden = coop("applied-coop");
    hidden["technologies"] = json!(["Postgres"]);
    app.post_json("/api/v1/coops", &hidden, Some(&owner)).await;

    for spelling in ["postgresql", "postgres", "PostgreSQL"] {
        let skill = get_json(&app, &format!("/api/v1/skills/{spelling}")).await;
        assert_eq!(skill["slug"], "postgresql");
        assert_eq!(
            skill["coops"],
            json!([{"slug": "k8s-coop", "name": "Co-op k8s-coop", "kind": "technology"}])
        );
    }
    let public = json!({"name": "Public Pat", "visibility": "public", "skills": [{"skill": "postgres", "level": 4, "interest": 5}]});
    let private = json!({"name": "Network Nat", "visibility": "network", "skills": [{"skill": "PostgreSQL", "level": 5, "interest": 2}]});
    for person in [&public, &private] {
        app.post_json("/api/v1/coops/k8s-coop/people", person, Some(&owner))
            .await;
    }
    let anonymous = get_json(&app, "/api/v1/skills/postgresql").await;
    let names: Vec<&str> = anonymous["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Public Pat"]);
    let member: Value = app
        .get("/api/v1/skills/postgresql", Some(&owner))
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = member["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Network Nat", "Public Pat"], "best level first");
    assert_eq!(member["people"][0]["level"], 5);

    let k8s = get_json(&app, "/api/v1/skills/k8s").await;
    assert_eq!(k8s["slug"], "kubernetes");
    assert_problem(
        app.get("/api/v1/skills/cobol-on-cogs", None).await,
        404,
        "not_found",
    )
    .await;
}

async fn merging_moves_every_reference_and_spelling(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let mut one = coop("one");
    one["technologies"] = json!(["Wagtail CMS", "Rust"]);
    let mut both = coop("both");
    both["technologies"] = json!(["Wagtail CMS", "Wagtail"]);
    for (slug, body) in [("one", &one), ("both", &both)] {
        app.post_json("/api/v1/coops", body, Some(&owner)).await;
        app.post_json(
            &format!("/api/v1/coops/{slug}/membership"),
            &json!({"action": "approve"}),
            Some(&admin),
        )
        .await;
    }
    let created = get_json(&app, "/api/v1/skills/wagtail-cms").await;
    assert_eq!(
        created["slug"], "wagtail-cms",
        "an unknown skill was created"
    );

    let merge = json!({"into": "wagtail"});
    let res = app
        .post_json("/api/v1/skills/wagtail-cms/merge", &merge, Some(&owner))
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .post_json(
            "/api/v1/skills/wagtail/merge",
            &json!({"into": "wagtail"}),
            Some(&admin),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .post_json("/api/v1/skills/nothing-here/merge", &merge, Some(&admin))
        .await;
    assert_problem(res, 404, "not_found").await;

    let res = app
        .post_json("/api/v1/skills/wagtail-cms/merge", &merge, Some(&admin))
        .await;
    assert_eq!(res.status(), 200);
    let one: Value = get_json(&app, "/api/v1/coops/one").await;
    let techs: Vec<&str> = one["technologies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(techs, ["wagtail", "rust"]);
    let both: Value = get_json(&app, "/api/v1/coops/both").await;
    assert_eq!(both["technologies"].as_array().unwrap().len(), 1, "{both}");
    assert_eq!(
        get_json(&app, "/api/v1/skills/Wagtail%20CMS").await["slug"],
        "wagtail"
    );
    let wagtail = get_json(&app, "/api/v1/skills/wagtail").await;
    assert_eq!(wagtail["coops"].as_array().unwrap().len(), 2);
    let found = get_json(&app, "/api/v1/search?skill=wagtail&type=coop").await;
    assert_eq!(
        found["total"], 2,
        "the search index follows the merge: {found}"
    );
}
