//! Sharing rows are in backups, and restore to the same bytes.

use coophub_store::{PoolOptions, Store, backup};
use coophub_testkit::{Backend, TestDatabase, backend_tests};
use reqwest::StatusCode;
use serde_json::json;

use super::Network;
use super::rotations::{rotate, sam};
use crate::backup::export;

backend_tests!(sharing_rows_restore_to_the_same_bytes);

async fn sharing_rows_restore_to_the_same_bytes(backend: Backend) {
    let net = Network::start(backend).await;
    let offer = net.offer(2.0, true).await;
    let request = json!({"coop": "ask-coop", "title": "Audit", "days_per_week": 1,
                         "skills": [{"skill": "a11y", "min_level": 3}],
                         "start": "2027-01-04", "end": "2027-01-29"});
    net.app
        .post_json("/api/v1/requests", &request, Some(&net.asker))
        .await;
    let placement = net.placement(&offer, 1.0, "2027-01-04", "2027-01-29").await;
    assert_eq!(
        net.act(&placement, "accept", None, &net.lender)
            .await
            .status(),
        StatusCode::OK
    );
    let (sam_token, sam_id) = sam(&net).await;
    let grace = rotate(&net, &net.grace, &net.grace_id, "elm", true).await;
    let theirs = rotate(&net, &sam_token, &sam_id, "rust", true).await;
    let path = format!("/api/v1/rotations/{}/swaps", grace["id"].as_str().unwrap());
    let res = net
        .app
        .post_json(
            &path,
            &json!({"with_rotation_id": theirs["id"]}),
            Some(&net.grace),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = net
        .app
        .post_json(
            "/api/v1/coops/lend-coop/calendar-feeds",
            &json!({}),
            Some(&net.lender),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let original = export(net.app.database_url());
    let text = String::from_utf8(original.clone()).unwrap();
    for table in [
        "offers",
        "offer_skills",
        "requests",
        "request_skills",
        "placements",
        "placement_events",
        "rotations",
        "rotation_skills",
        "swaps",
        "calendar_feeds",
    ] {
        assert!(
            text.contains(&format!("{{\"table\":\"{table}\"")),
            "no {table} rows"
        );
    }
    let copy = TestDatabase::create(backend);
    let store = Store::connect(copy.url(), PoolOptions::default()).unwrap();
    store.migrate().unwrap();
    let restored = backup::restore(&mut store.conn().unwrap(), &mut original.as_slice()).unwrap();
    assert_eq!(restored, text.lines().count());
    assert_eq!(
        export(copy.url()),
        original,
        "export → restore → export changed the data"
    );
}
