//! People: skills with level and interest, member-only fields, who may edit,
//! availability that lapses unless reconfirmed.

use coophub_testkit::{Backend, backend_tests};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::coops::approved_coop;
use crate::helpers::{TestApp, assert_problem, pointers};

backend_tests!(
    admins_add_people_with_normalised_skills_and_checked_levels,
    day_rates_and_availability_are_for_network_members_only,
    the_linked_account_edits_its_own_profile_only,
    availability_lapses_after_thirty_days_unless_reconfirmed,
);

fn person(name: &str) -> Value {
    json!({
        "name": name,
        "headline": "Developer",
        "skills": [{"skill": "ReactJS", "level": 5, "interest": 4}, {"skill": "postgres", "level": 2, "interest": 5}],
        "days_per_week": 2.5,
        "available_from": "2027-01-04",
        "day_rate": 350,
        "visibility": "public"
    })
}

struct World {
    app: TestApp,
    admin: String,
    owner: String,
}

async fn world(backend: Backend) -> World {
    let app = TestApp::spawn(backend).await;
    let admin = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "people-coop", &owner, &admin).await;
    World { app, admin, owner }
}

async fn add(world: &World, body: &Value) -> Value {
    let res = world
        .app
        .post_json("/api/v1/coops/people-coop/people", body, Some(&world.owner))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn admins_add_people_with_normalised_skills_and_checked_levels(backend: Backend) {
    let world = world(backend).await;
    let app = &world.app;
    let res = app
        .post_json(
            "/api/v1/coops/people-coop/people",
            &person("Grace"),
            Some(&world.owner),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(res.headers()["etag"], "\"1\"");
    let created: Value = res.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/people/{}", created["id"].as_str().unwrap())
    );
    assert_eq!(
        created["skills"],
        json!([
            {"slug": "react", "name": "React", "level": 5, "interest": 4},
            {"slug": "postgresql", "name": "PostgreSQL", "level": 2, "interest": 5}
        ])
    );
    assert_eq!(created["coop"]["slug"], "people-coop");

    let mut bad = person("Grace");
    bad["skills"][0]["level"] = json!(7);
    bad["skills"][1]["interest"] = json!(0);
    bad["day_rate"] = json!(-5);
    let res = app
        .post_json("/api/v1/coops/people-coop/people", &bad, Some(&world.owner))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        pointers(&problem),
        ["/skills/0/level", "/skills/1/interest", "/day_rate"]
    );

    let res = app
        .post_json(
            "/api/v1/coops/people-coop/people",
            &person("X"),
            Some(&world.admin),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED, "network admins may too");
    let outsider = app.user("eve@example.coop").await;
    let res = app
        .post_json(
            "/api/v1/coops/people-coop/people",
            &person("Y"),
            Some(&outsider),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .post_json("/api/v1/coops/people-coop/people", &person("Y"), None)
        .await;
    assert_problem(res, 401, "unauthenticated").await;
}

async fn day_rates_and_availability_are_for_network_members_only(backend: Backend) {
    let world = world(backend).await;
    let app = &world.app;
    let public = add(&world, &person("Public Person")).await;
    let mut hidden = person("Network Person");
    hidden["visibility"] = json!("network");
    let hidden = add(&world, &hidden).await;
    let outsider = app.user("eve@example.coop").await;

    let member_list: Value = app
        .get("/api/v1/coops/people-coop/people", Some(&world.owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(member_list["total"], 2);
    assert_eq!(member_list["items"][1]["day_rate"], 350);
    assert_eq!(
        member_list["items"][1]["availability"]["days_per_week"],
        2.5
    );

    for token in [None, Some(outsider.as_str())] {
        let list: Value = app
            .get("/api/v1/coops/people-coop/people", token)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["total"], 1, "{list}");
        let shown = &list["items"][0];
        assert_eq!(shown["name"], "Public Person");
        for field in ["day_rate", "availability", "linked_user_id"] {
            assert!(shown.get(field).is_none(), "{field} leaked: {shown}");
        }
        let one: Value = app
            .get(
                &format!("/api/v1/people/{}", public["id"].as_str().unwrap()),
                token,
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(
            one.get("day_rate").is_none() && one.get("availability").is_none(),
            "{one}"
        );
        let res = app
            .get(
                &format!("/api/v1/people/{}", hidden["id"].as_str().unwrap()),
                token,
            )
            .await;
        assert_problem(res, 404, "not_found").await;
    }
}

async fn the_linked_account_edits_its_own_profile_only(backend: Backend) {
    let world = world(backend).await;
    let app = &world.app;
    let grace = app.user("grace@example.coop").await;
    let mut linked = person("Grace");
    linked["linked_user_email"] = json!("grace@example.coop");
    let grace_profile = add(&world, &linked).await;
    let other = add(&world, &person("Someone Else")).await;
    let grace_path = format!("/api/v1/people/{}", grace_profile["id"].as_str().unwrap());
    let other_path = format!("/api/v1/people/{}", other["id"].as_str().unwrap());

    let mut edit = linked.clone();
    edit["headline"] = json!("Accessibility specialist");
    let res = app
        .send(
            Method::PUT,
            &grace_path,
            Some(&edit),
            Some(&grace),
            Some("\"1\""),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.json::<Value>().await.unwrap()["headline"],
        "Accessibility specialist"
    );

    let res = app
        .send(
            Method::PUT,
            &grace_path,
            Some(&edit),
            Some(&grace),
            Some("\"1\""),
        )
        .await;
    assert_problem(res, 412, "precondition_failed").await;
    let mut relink = edit.clone();
    relink["linked_user_email"] = json!("ada@example.coop");
    let res = app
        .send(Method::PUT, &grace_path, Some(&relink), Some(&grace), None)
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .send(
            Method::PUT,
            &other_path,
            Some(&person("Hacked")),
            Some(&grace),
            None,
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .send(
            Method::PUT,
            &other_path,
            Some(&person("Hacked")),
            None,
            None,
        )
        .await;
    assert_problem(res, 401, "unauthenticated").await;
    let res = app
        .send(Method::DELETE, &grace_path, None, Some(&grace), None)
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = app
        .send(Method::DELETE, &grace_path, None, Some(&world.owner), None)
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(
        app.get(&grace_path, Some(&world.owner)).await,
        404,
        "not_found",
    )
    .await;
}

async fn availability_lapses_after_thirty_days_unless_reconfirmed(backend: Backend) {
    let world = world(backend).await;
    let app = &world.app;
    let someone = add(&world, &person("Available")).await;
    let path = format!("/api/v1/people/{}", someone["id"].as_str().unwrap());
    assert_eq!(someone["availability"]["lapsed"], false);

    app.clock.advance(chrono::Duration::days(31));
    let seen: Value = app
        .get(&path, Some(&world.owner))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["availability"]["lapsed"], true);
    let res = app
        .send(
            Method::POST,
            &format!("{path}/availability/reconfirm"),
            None,
            Some(&world.owner),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let seen: Value = res.json().await.unwrap();
    assert_eq!(seen["availability"]["lapsed"], false);

    let mut unavailable = person("No Availability");
    unavailable.as_object_mut().unwrap().remove("days_per_week");
    unavailable
        .as_object_mut()
        .unwrap()
        .remove("available_from");
    let nobody = add(&world, &unavailable).await;
    let res = app
        .send(
            Method::POST,
            &format!(
                "/api/v1/people/{}/availability/reconfirm",
                nobody["id"].as_str().unwrap()
            ),
            None,
            Some(&world.owner),
            None,
        )
        .await;
    assert_problem(res, 409, "no_availability").await;
}
