//! The walk of the sharing routes that read or touch private things:
//! rotation requests, swaps, calendar feeds, matches, Murmurations profiles.

use coophub_testkit::{Backend, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use super::Network;
use super::authorisation::{case, walk};
use super::rotations::{rotate, sam};

backend_tests!(every_private_sharing_route_checks_who_asks);

async fn every_private_sharing_route_checks_who_asks(backend: Backend) {
    let net = Network::start(backend).await;
    let (sam_token, sam_id) = sam(&net).await;
    let offer = net.offer(2.0, true).await;
    let offer_id = offer["id"].as_str().unwrap().to_owned();
    let request = json!({"coop": "ask-coop", "title": "Audit", "days_per_week": 1,
                         "start": "2027-01-04", "end": "2027-01-29"});
    let res = net
        .app
        .post_json("/api/v1/requests", &request, Some(&net.asker))
        .await;
    let request_id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let grace_rotation = rotate(&net, &net.grace, &net.grace_id, "elm", true).await;
    let sam_rotation = rotate(&net, &sam_token, &sam_id, "rust", true).await;
    let rotation = format!(
        "/api/v1/rotations/{}",
        grace_rotation["id"].as_str().unwrap()
    );
    let res = net
        .app
        .post_json(
            &format!("{rotation}/swaps"),
            &json!({"with_rotation_id": sam_rotation["id"]}),
            Some(&net.grace),
        )
        .await;
    let swap = format!(
        "/api/v1/swaps/{}",
        res.json::<Value>().await.unwrap()["id"].as_str().unwrap()
    );
    let res = net
        .app
        .post_json(
            "/api/v1/coops/lend-coop/calendar-feeds",
            &json!({}),
            Some(&net.lender),
        )
        .await;
    let feed = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let some = |t: &String| Some(t.clone());
    let (anon, lender, asker, grace, steward) = (
        None,
        some(&net.lender),
        some(&net.asker),
        some(&net.grace),
        some(&net.steward),
    );
    let sam = some(&sam_token);
    let new_rotation = json!({"person_id": net.grace_id, "days_per_week": 1,
                              "start": "2027-05-03", "end": "2027-05-28"});
    let yes = json!({"agree": true});
    let cases = vec![
        case(
            Method::POST,
            "/api/v1/rotations",
            Some(new_rotation),
            vec![
                (anon.clone(), 401),
                (asker.clone(), 404),
                (lender.clone(), 403),
                (grace.clone(), 201),
            ],
        ),
        case(
            Method::GET,
            rotation.clone(),
            None,
            vec![
                (anon.clone(), 404),
                (steward.clone(), 404),
                (sam.clone(), 404),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            format!("{rotation}/swaps"),
            None,
            vec![
                (anon.clone(), 404),
                (steward.clone(), 404),
                (grace.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            "/api/v1/rotations",
            None,
            vec![(anon.clone(), 401), (grace.clone(), 200)],
        ),
        case(
            Method::GET,
            swap.clone(),
            None,
            vec![
                (anon.clone(), 404),
                (steward.clone(), 404),
                (sam.clone(), 200),
                (asker.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            format!("{swap}/answer"),
            Some(yes),
            vec![
                (anon.clone(), 401),
                (steward.clone(), 404),
                (sam.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            format!("{rotation}/swaps"),
            Some(json!({"with_rotation_id": sam_rotation["id"]})),
            vec![
                (anon.clone(), 401),
                (steward.clone(), 404),
                (asker.clone(), 404),
                (grace.clone(), 409),
            ],
        ),
        case(
            Method::POST,
            format!("{rotation}/withdraw"),
            None,
            vec![
                (anon.clone(), 401),
                (steward.clone(), 404),
                (sam.clone(), 404),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            "/api/v1/coops/lend-coop/placements.ics",
            None,
            vec![
                (anon.clone(), 401),
                (asker.clone(), 404),
                (steward.clone(), 404),
                (grace.clone(), 404),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            format!("/api/v1/people/{}/placements.ics", net.grace_id),
            None,
            vec![
                (anon.clone(), 401),
                (asker.clone(), 404),
                (grace.clone(), 200),
            ],
        ),
        case(
            Method::GET,
            "/api/v1/coops/lend-coop/calendar-feeds",
            None,
            vec![
                (anon.clone(), 401),
                (asker.clone(), 403),
                (grace.clone(), 403),
                (lender.clone(), 200),
            ],
        ),
        case(
            Method::POST,
            "/api/v1/coops/lend-coop/calendar-feeds",
            Some(json!({"person_id": net.grace_id})),
            vec![
                (anon.clone(), 401),
                (asker.clone(), 403),
                (grace.clone(), 403),
                (lender.clone(), 201),
            ],
        ),
        case(
            Method::GET,
            format!("/api/v1/offers/{offer_id}/matches"),
            None,
            vec![(anon.clone(), 200), (asker.clone(), 200)],
        ),
        case(
            Method::GET,
            format!("/api/v1/requests/{request_id}/matches"),
            None,
            vec![(anon.clone(), 200), (lender.clone(), 200)],
        ),
        case(
            Method::GET,
            format!("/api/v1/offers/{offer_id}/murmurations"),
            None,
            vec![(anon.clone(), 200)],
        ),
        case(
            Method::GET,
            format!("/api/v1/requests/{request_id}/murmurations"),
            None,
            vec![(anon.clone(), 200)],
        ),
        case(
            Method::DELETE,
            format!("/api/v1/coops/lend-coop/calendar-feeds/{feed}"),
            None,
            vec![
                (anon, 401),
                (asker, 403),
                (lender.clone(), 204),
                (lender, 404),
            ],
        ),
    ];
    walk(&net, cases).await;
}
