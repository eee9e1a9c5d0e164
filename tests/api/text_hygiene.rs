//! NUL and other control characters are refused the same on both backends
//! (PostgreSQL answered 500 to `\u0000` anywhere; SQLite stored it, and then
//! a backup could not be restored into PostgreSQL): 422 with a pointer per
//! field in bodies, 400 naming the parameter in paths and query strings.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    control_characters_in_bodies_are_refused_at_each_field,
    control_characters_in_paths_and_queries_are_refused,
);

async fn control_characters_in_bodies_are_refused_at_each_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "clean", &owner, &admin).await;

    let mut dirty = coop("dirty");
    dirty["name"] = json!("Nul\u{0}Co-op");
    dirty["summary"] = json!("rings a bell\u{7}");
    dirty["website"] = json!("https://dirty.example/\u{0}");
    dirty["technologies"] = json!(["rust", "post\u{0}gres"]);
    let res = app.post_json("/api/v1/coops", &dirty, Some(&owner)).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let mut found = pointers(&problem);
    found.sort();
    assert_eq!(found, ["/name", "/summary", "/technologies/1", "/website"]);
    assert!(
        !problem.to_string().contains('\u{0}'),
        "the message does not echo it"
    );

    // Newlines and tabs are fine in long text.
    let mut tidy = coop("tidy");
    tidy["description"] = json!("Two lines\n\twith a tab");
    let res = app.post_json("/api/v1/coops", &tidy, Some(&owner)).await;
    assert_eq!(res.status(), 201);

    let person = json!({"name": "Grace", "headline": "Dev\u{0}", "skills": [{"skill": "ru\u{0}st", "level": 3, "interest": 3}]});
    let res = app
        .post_json("/api/v1/coops/clean/people", &person, Some(&owner))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(pointers(&problem), ["/headline", "/skills/0/skill"]);

    let study = json!({"slug": "s", "title": "T\u{0}", "client": "C", "coops": ["clean"]});
    let res = app
        .post_json("/api/v1/case-studies", &study, Some(&owner))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/title"]
    );
    let merge = json!({"into": "ru\u{0}st"});
    let res = app
        .post_json("/api/v1/skills/rust/merge", &merge, Some(&admin))
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/into"]
    );
    let patch = json!({"name": "Patched\u{0}"});
    let res = app
        .send(
            Method::PATCH,
            "/api/v1/coops/clean",
            Some(&patch),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        pointers(&assert_problem(res, 422, "validation_failed").await),
        ["/name"]
    );

    let current: Value = app
        .get("/api/v1/coops/clean", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(current["version"], 2, "nothing was written");
}

async fn control_characters_in_paths_and_queries_are_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = app.user("ada@example.coop").await;
    for path in [
        "/api/v1/coops/a%00b",
        "/api/v1/skills/a%00b",
        "/api/v1/case-studies/a%0Ab",
    ] {
        let res = app.get(path, Some(&token)).await;
        let problem = assert_problem(res, 400, "bad_request").await;
        assert!(
            problem["detail"].as_str().unwrap().contains("control"),
            "{path}"
        );
    }
    for (query, parameter) in [
        ("/api/v1/coops?region=a%00b", "region"),
        ("/api/v1/search?q=web%00", "q"),
        ("/api/v1/case-studies?coop=a%00b", "coop"),
    ] {
        let res = app.get(query, None).await;
        let problem = assert_problem(res, 400, "invalid_parameter").await;
        assert_eq!(problem["errors"][0]["parameter"], parameter, "{query}");
    }
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/coops/a%00b",
            None,
            Some(&token),
            None,
        )
        .await;
    assert_problem(res, 400, "bad_request").await;
}
