//! Search through the API: read-your-writes, privacy, relevance features,
//! filters, distance, and catching up after a crash.

use coophub_indexer::{Retention, SearchService};
use coophub_search::{DocKind, SearchIndex, SearchRequest};
use coophub_store::{PoolOptions, Store, changes};
use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::coops::{approved_coop, coop};
use crate::helpers::{TestApp, assert_problem};

backend_tests!(
    a_write_is_found_by_the_very_next_search,
    outsiders_neither_find_nor_count_what_they_may_not_see,
    typos_aliases_prefixes_filters_and_distance_work_through_the_api,
    bad_search_parameters_name_the_parameter,
    the_index_catches_up_after_a_crash,
    network_members_find_who_is_available,
    past_a_thousand_matches_the_answer_and_the_page_say_at_least,
);

async fn search(app: &TestApp, query: &str, token: Option<&str>) -> Value {
    let res = app.get(&format!("/api/v1/search?{query}"), token).await;
    assert_eq!(res.status(), 200, "{query}");
    res.json().await.unwrap()
}

fn titles(answer: &Value) -> Vec<&str> {
    answer["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect()
}

async fn a_write_is_found_by_the_very_next_search(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "zebra-coop", &owner, &admin).await;
    let found = search(&app, "q=zebra", None).await;
    assert_eq!(found["hits"][0]["slug"], "zebra-coop", "{found}");

    let mut renamed = coop("zebra-coop");
    renamed["name"] = json!("Okapi Co-op");
    app.send(
        Method::PUT,
        "/api/v1/coops/zebra-coop",
        Some(&renamed),
        Some(&owner),
        None,
    )
    .await;
    assert_eq!(
        titles(&search(&app, "q=okapi", None).await),
        ["Okapi Co-op"]
    );
    assert!(titles(&search(&app, "q=zebra", None).await).is_empty());

    app.send(
        Method::DELETE,
        "/api/v1/coops/zebra-coop",
        None,
        Some(&owner),
        None,
    )
    .await;
    assert!(titles(&search(&app, "q=okapi", None).await).is_empty());
}

async fn outsiders_neither_find_nor_count_what_they_may_not_see(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "open-coop", &owner, &admin).await;
    app.post_json("/api/v1/coops", &coop("secret-applicant"), Some(&owner))
        .await;
    let hidden = json!({"name": "Hidden Hopper", "visibility": "network", "skills": [{"skill": "COBOL", "level": 5, "interest": 1}]});
    app.post_json("/api/v1/coops/open-coop/people", &hidden, Some(&owner))
        .await;

    let outside = search(&app, "", None).await;
    assert_eq!(outside["total"], 1, "{outside}");
    assert_eq!(outside["facets"]["type"], json!({"coop": 1}));
    assert!(outside["facets"]["skill"].get("cobol").is_none());
    assert!(titles(&search(&app, "q=hopper", None).await).is_empty());

    let inside = search(&app, "", Some(&owner)).await;
    assert_eq!(inside["total"], 3);
    assert_eq!(inside["facets"]["type"], json!({"coop": 2, "person": 1}));
    assert_eq!(
        titles(&search(&app, "q=hopper", Some(&owner)).await),
        ["Hidden Hopper"]
    );
}

async fn typos_aliases_prefixes_filters_and_distance_work_through_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-coop", &owner, &admin).await; // Leeds: JS, postgres, django, react
    let mut oxford = coop("oxford-coop");
    oxford["name"] = json!("Oxford Drupal Workers");
    oxford["technologies"] = json!(["Drupal", "WordPress"]);
    oxford["location"] = json!({"locality": "Oxford", "region": "South East", "country": "GB", "latitude": 51.75, "longitude": -1.26});
    app.post_json("/api/v1/coops", &oxford, Some(&owner)).await;
    app.post_json(
        "/api/v1/coops/oxford-coop/membership",
        &json!({"action": "approve"}),
        Some(&admin),
    )
    .await;

    for (query, expected) in [
        ("q=wordpres", vec!["Oxford Drupal Workers"]),
        ("q=drup", vec!["Oxford Drupal Workers"]),
        ("q=postgres", vec!["Co-op leeds-coop"]),
        ("q=k8s", vec![]),
        (
            "skill=django&region=yorkshire%20and%20the%20humber",
            vec!["Co-op leeds-coop"],
        ),
        ("skill=django&region=south%20east", vec![]),
        ("near=53.80,-1.55&radius_km=50", vec!["Co-op leeds-coop"]),
        (
            "near=53.80,-1.55&radius_km=400&sort=distance",
            vec!["Co-op leeds-coop", "Oxford Drupal Workers"],
        ),
    ] {
        assert_eq!(
            titles(&search(&app, query, None).await),
            expected,
            "{query}"
        );
    }
    let drupal = search(&app, "q=drupal", None).await;
    assert_eq!(drupal["hits"][0]["matched_skills"], json!(["drupal"]));
    assert!(
        drupal["hits"][0]["highlights"]["title"][0]
            .as_str()
            .unwrap()
            .contains("<mark>Drupal</mark>")
    );
    // 0.004° of latitude north of the co-op: 0.445 km, said to 0.1 km.
    let near = search(&app, "near=51.754,-1.26&radius_km=10", None).await;
    assert_eq!(near["hits"][0]["distance_km"], json!(0.4), "{near}");

    let suggestions: Value = app
        .get("/api/v1/search/suggest?q=oxf", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        suggestions["coops"][0]["slug"], "oxford-coop",
        "{suggestions}"
    );
    let suggestions: Value = app
        .get("/api/v1/search/suggest?q=postg", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(suggestions["skills"][0]["slug"], "postgresql");
    assert_eq!(
        suggestions["coops"],
        json!([]),
        "co-ops that list PostgreSQL are not names starting with postg"
    );
    let suggestions: Value = app
        .get("/api/v1/search/suggest?q=oxford%20dr", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(suggestions["coops"][0]["slug"], "oxford-coop");
    let skills: Vec<&str> = suggestions["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|skill| skill["slug"].as_str().unwrap())
        .collect();
    assert!(
        skills.contains(&"drupal") && skills.iter().all(|s| s.starts_with('d')),
        "the last word completes skills, most used first: {skills:?}"
    );

    // A typo, the word being typed and an alias each say why they matched.
    for (query, skill) in [
        ("q=drupl", "drupal"),
        ("q=drup", "drupal"),
        ("q=postgres", "postgresql"),
    ] {
        let answer = search(&app, query, None).await;
        let hit = &answer["hits"][0];
        assert!(
            hit["matched_skills"]
                .as_array()
                .unwrap()
                .contains(&json!(skill)),
            "{query}: {hit}"
        );
        assert_eq!(hit["unmatched_words"], json!([]), "{query}: {hit}");
    }
    let typo = search(&app, "q=drupl", None).await;
    assert!(
        typo["hits"][0]["highlights"]["title"][0]
            .as_str()
            .unwrap()
            .contains("<mark>Drupal</mark>"),
        "{typo}"
    );
}

async fn bad_search_parameters_name_the_parameter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (query, parameter) in [
        ("near=abc", "near"),
        ("near=53,-1&radius_km=-1", "radius_km"),
        ("type=spaceship", "type"),
        ("per_page=1000", "per_page"),
        ("sort=distance", "sort"),
        ("legal_form=partnership", "legal_form"),
        // 42949674 × 100 wrapped to a small offset in u32 and answered hits.
        ("q=web&page=42949674&per_page=100", "page"),
        ("q=web&page=101&per_page=100", "page"),
        (
            "q=a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t+u+v+w+x+y+z+aa+bb+cc+dd+ee+ff+gg",
            "q",
        ),
    ] {
        let res = app.get(&format!("/api/v1/search?{query}"), None).await;
        let problem = assert_problem(res, 400, "invalid_parameter").await;
        assert_eq!(problem["errors"][0]["parameter"], parameter, "{query}");
    }
    let long = format!("/api/v1/search?q={}", "a".repeat(513));
    assert_problem(app.get(&long, None).await, 400, "invalid_parameter").await;
    assert_problem(
        app.get("/api/v1/search/suggest", None).await,
        400,
        "invalid_parameter",
    )
    .await;
}

async fn the_index_catches_up_after_a_crash(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "before-crash", &owner, &admin).await;
    let store = Store::connect(app.database_url(), PoolOptions::default()).unwrap();
    let midway = changes::latest(&mut store.conn().unwrap()).unwrap();
    approved_coop(&app, "after-crash", &owner, &admin).await;

    // An index that crashed midway: it holds the first co-op and recorded the
    // log position up to then, but never applied what came after.
    let crashed = SearchIndex::in_ram().unwrap();
    crashed.apply_at(midway, &[], &[]).unwrap();
    assert!(crashed.is_empty());
    let retention = Retention {
        keep: chrono::Duration::days(7),
        clock: app.clock.clone(),
    };
    let restarted = SearchService::start(store, crashed, retention).unwrap();
    let request = SearchRequest {
        q: "crash".into(),
        kinds: vec![DocKind::Coop],
        limit: 10,
        ..SearchRequest::default()
    };
    let found = restarted.index().search(&request, &|_| None).unwrap();
    let slugs: Vec<_> = found.hits.iter().filter_map(|h| h.slug.clone()).collect();
    assert_eq!(
        slugs,
        ["after-crash"],
        "what came after the recorded position is applied on start"
    );
    assert!(restarted.index().committed().unwrap().unwrap().seq >= midway);
}

async fn network_members_find_who_is_available(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "busy-coop", &owner, &admin).await;
    for (name, days, from) in [
        ("Three Days", 3, "2027-01-04"),
        ("One Day", 1, "2027-01-04"),
        ("Next Spring", 4, "2027-04-01"),
    ] {
        let person = json!({"name": name, "visibility": "public", "days_per_week": days, "available_from": from});
        app.post_json("/api/v1/coops/busy-coop/people", &person, Some(&owner))
            .await;
    }
    let mut found = titles(
        &search(
            &app,
            "min_days_per_week=2&available_to=2027-02-01",
            Some(&owner),
        )
        .await,
    )
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    found.sort();
    assert_eq!(found, ["Three Days"]);
    let mut found = titles(&search(&app, "min_days_per_week=2", Some(&owner)).await)
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    found.sort();
    assert_eq!(found, ["Next Spring", "Three Days"]);

    let outsider = app.user("eve@example.coop").await;
    for token in [None, Some(outsider.as_str())] {
        let res = app.get("/api/v1/search?min_days_per_week=2", token).await;
        assert_problem(res, 403, "forbidden").await;
    }

    // Availability not reconfirmed for 30 days no longer counts.
    app.clock.advance(chrono::Duration::days(31));
    assert!(titles(&search(&app, "min_days_per_week=1", Some(&owner)).await).is_empty());
}

/// Adds `count` public people with `headline` to the co-op `id`, straight
/// to the store (a thousand requests would only slow the test).
fn add_people(app: &TestApp, coop_id: &str, headline: &str, count: usize) {
    use coophub_domain::clock::Clock;
    use coophub_domain::person::{PersonDraft, PersonInput, PersonSkillDraft, Visibility};
    let store = Store::connect(app.database_url(), PoolOptions::default()).unwrap();
    let mut conn = store.conn().unwrap();
    let coop_id = uuid::Uuid::parse_str(coop_id).unwrap();
    for n in 0..count {
        let draft = PersonDraft {
            name: format!("Worker {n}"),
            headline: Some(headline.to_owned()),
            skills: vec![PersonSkillDraft {
                skill: "Haskell".into(),
                level: i64::try_from(n % 5).unwrap() + 1,
                interest: 3,
            }],
            visibility: Visibility::Public,
            ..PersonDraft::default()
        };
        let input = PersonInput::parse(draft).unwrap();
        coophub_app::directory::people::insert(&mut conn, coop_id, &input, None, app.clock.now())
            .unwrap();
    }
}

async fn past_a_thousand_matches_the_answer_and_the_page_say_at_least(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    let coop = approved_coop(&app, "big-coop", &owner, &admin).await;
    add_people(
        &app,
        coop["id"].as_str().unwrap(),
        "Haskell developer",
        1_050,
    );
    // Ordered by date, every match is counted: wait until all are indexed.
    let mut every = Value::Null;
    for _ in 0..100 {
        every = search(&app, "q=haskell&sort=updated", None).await;
        if every["total"] == 1_050 {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(every["total"], 1_050, "{every}");
    assert_eq!(every["total_relation"], "eq");

    let ranked = search(&app, "q=haskell&per_page=5", None).await;
    assert_eq!(ranked["total_relation"], "gte", "{ranked}");
    let total = ranked["total"].as_u64().unwrap();
    assert!((1_000..1_050).contains(&total), "{total}");
    assert_eq!(ranked["facets"]["type"]["person"], total);

    let few = search(&app, "q=big", None).await;
    assert_eq!(
        (few["total"].clone(), few["total_relation"].clone()),
        (json!(1), json!("eq"))
    );

    let page = app.get("/?q=haskell", None).await.text().await.unwrap();
    assert!(
        page.contains(&format!("At least {total} results")),
        "{page}"
    );
    assert!(page.contains("Counted over the first 1,000 matches"));
}
