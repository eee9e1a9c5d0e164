//! Onto social-good work: a person who asked to rotate is proposed for
//! another co-op's social-good request. The person, their co-op's admins
//! and the requesting co-op's admins say yes, and an accepted placement is
//! booked under the person's week; a no or 14 days end it. The rotation
//! request's notes reach nobody else, and the requesting co-op learns the
//! person's name only from the person or with their consent.

use chrono::Duration;
use coophub_testkit::{Backend, backend_tests};
use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Network;
use super::rotations::{MARKER, rotate};
use crate::helpers::assert_problem;

backend_tests!(
    three_yeses_place_a_person_on_social_good_work,
    a_no_or_fourteen_days_end_a_proposal_and_a_full_week_refuses_it,
    fifty_last_yeses_at_once_never_overbook_the_person,
);

/// `ask-coop` asks for `skills` (slug, least level) for `days` a week,
/// February to April 2027, for work of `kind`; answers the request.
pub async fn request(
    net: &Network,
    title: &str,
    skills: &[(&str, u8)],
    days: f64,
    kind: &str,
) -> Value {
    let skills: Vec<Value> = skills
        .iter()
        .map(|(skill, level)| json!({"skill": skill, "min_level": level}))
        .collect();
    let body = json!({"coop": "ask-coop", "title": title, "skills": skills,
                      "days_per_week": days, "start": "2027-02-01", "end": "2027-04-30",
                      "project_kind": kind});
    let res = net
        .app
        .post_json("/api/v1/requests", &body, Some(&net.asker))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

/// `token` proposes rotation request `rotation`'s person for `request`.
async fn propose(
    net: &Network,
    token: &str,
    rotation: &Value,
    request: &Value,
) -> reqwest::Response {
    let path = format!("/api/v1/rotations/{}/social-good", id(rotation));
    let body = json!({"request_id": id(request)});
    net.app.post_json(&path, &body, Some(token)).await
}

/// `token` answers proposal `proposal`.
async fn answer(net: &Network, token: &str, proposal: &Value, agree: bool) -> reqwest::Response {
    let path = format!("/api/v1/social-good-proposals/{}/answer", id(proposal));
    net.app
        .post_json(&path, &json!({"agree": agree}), Some(token))
        .await
}

async fn three_yeses_place_a_person_on_social_good_work(backend: Backend) {
    let net = Network::start(backend).await;
    let food_bank = request(
        &net,
        "Food bank rota app",
        &[("rust", 3)],
        1.0,
        "social_good",
    )
    .await;
    request(&net, "Paid rust work", &[("rust", 3)], 1.0, "commercial").await;
    request(&net, "Elm for a charity", &[("elm", 2)], 1.0, "social_good").await;
    let rotation = rotate(&net, &net.grace, &net.grace_id, "rust", false).await;

    // Only the social-good request whose skills Grace has is suggested.
    let path = format!("/api/v1/rotations/{}/social-good", id(&rotation));
    let found: Value = net.app.get_json(&path, Some(&net.grace)).await;
    let items = found["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{found}");
    let suggestion = &items[0];
    assert_eq!(suggestion["request"]["id"], food_bank["id"]);
    assert_eq!(suggestion["request"]["coop"]["slug"], "ask-coop");
    assert_eq!(suggestion["skills"], json!(["rust"]));
    assert_eq!(suggestion["wanted_skills"], json!(["rust"]));
    assert_eq!(
        (
            &suggestion["start"],
            &suggestion["end"],
            &suggestion["days_per_week"]
        ),
        (&json!("2027-02-01"), &json!("2027-04-30"), &json!(1.0))
    );
    assert_eq!(
        suggestion["reasons"],
        json!([
            "You have what it needs: rust.",
            "It uses skills you would like to use: rust.",
            "1 day a week from 2027-02-01 to 2027-04-30, the dates you both gave."
        ])
    );
    for token in [&net.asker, &net.steward] {
        assert_eq!(
            net.app.get(&path, Some(token)).await.status(),
            StatusCode::NOT_FOUND
        );
    }

    // Grace did not agree to be suggested: her admins cannot name her to ask-coop.
    let res = propose(&net, &net.lender, &rotation, &food_bank).await;
    assert_problem(res, 403, "forbidden").await;
    let res = propose(&net, &net.grace, &rotation, &food_bank).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let proposal: Value = res.json().await.unwrap();
    assert_eq!(
        location,
        format!("/api/v1/social-good-proposals/{}", id(&proposal))
    );
    assert_eq!(proposal["agreed"], json!(["person"]));
    assert_eq!(
        proposal["waiting_for"],
        json!(["home_coop", "requesting_coop"])
    );
    assert_eq!(proposal["rotation_id"], rotation["id"]);
    let res = propose(&net, &net.grace, &rotation, &food_bank).await;
    assert_problem(res, 409, "conflict").await;

    // The others are told who, for what and when; the notes go nowhere.
    for token in [&net.lender, &net.asker] {
        let told = net.app.told(token, "social_good.proposed").await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].starts_with("Grace Hopper of "), "{}", told[0]);
        assert!(
            told[0].contains("\"Food bank rota app\" of "),
            "{}",
            told[0]
        );
        assert!(
            told[0].contains("1 day a week from 2027-02-01 to 2027-04-30"),
            "{}",
            told[0]
        );
        let inbox = net
            .app
            .get_json("/api/v1/me/notifications?per_page=100", Some(token))
            .await;
        assert!(!inbox.to_string().contains(MARKER));
    }
    assert!(
        net.app
            .told(&net.grace, "social_good.proposed")
            .await
            .is_empty()
    );

    // The requesting co-op sees the proposal, not the rotation request.
    let shown_path = format!("/api/v1/social-good-proposals/{}", id(&proposal));
    let shown: Value = net.app.get_json(&shown_path, Some(&net.asker)).await;
    assert_eq!(shown["person"]["name"], "Grace Hopper");
    assert_eq!(shown["you_are"], json!(["requesting_coop"]));
    assert!(shown.get("rotation_id").is_none(), "{shown}");
    assert!(!shown.to_string().contains(MARKER));
    for token in [
        None,
        Some(net.newcomer.as_str()),
        Some(net.steward.as_str()),
    ] {
        assert_eq!(
            net.app.get(&shown_path, token).await.status(),
            StatusCode::NOT_FOUND
        );
    }
    let res = answer(&net, &net.newcomer, &proposal, true).await;
    assert_problem(res, 404, "not_found").await;

    let res = answer(&net, &net.lender, &proposal, true).await;
    let answered: Value = res.json().await.unwrap();
    assert_eq!(answered["waiting_for"], json!(["requesting_coop"]));
    let res = answer(&net, &net.asker, &proposal, true).await;
    assert_eq!(res.status(), StatusCode::OK);
    let agreed: Value = res.json().await.unwrap();
    assert_eq!(agreed["state"], "agreed");
    assert_eq!(agreed["waiting_for"], json!([]));

    // Each party can open the placement; the rotation request is done.
    let placement = format!(
        "/api/v1/placements/{}",
        agreed["placement_id"].as_str().unwrap()
    );
    for token in [&net.grace, &net.lender, &net.asker] {
        let shown: Value = net.app.get_json(&placement, Some(token)).await;
        assert_eq!(shown["state"], "accepted");
        assert_eq!(shown["person"]["name"], "Grace Hopper");
        assert_eq!(shown["request_id"], food_bank["id"]);
        assert_eq!(
            (&shown["start"], &shown["days_per_week"]),
            (&json!("2027-02-01"), &json!(1.0))
        );
    }
    let told = net.app.told(&net.grace, "social_good.agreed").await;
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].contains("is placed on the social-good request"),
        "{}",
        told[0]
    );
    let rotation_path = format!("/api/v1/rotations/{}", id(&rotation));
    let done: Value = net.app.get_json(&rotation_path, Some(&net.grace)).await;
    assert_eq!(done["status"], "placed");
    let found: Value = net.app.get_json(&path, Some(&net.grace)).await;
    assert_eq!(found["items"], json!([]));
    let res = answer(&net, &net.asker, &proposal, false).await;
    assert_problem(res, 409, "proposal_closed").await;
}

async fn a_no_or_fourteen_days_end_a_proposal_and_a_full_week_refuses_it(backend: Backend) {
    let net = Network::start(backend).await;
    let food_bank = request(
        &net,
        "Food bank rota app",
        &[("rust", 3)],
        2.0,
        "social_good",
    )
    .await;
    // Her admins may propose her once she agreed to be suggested.
    let rotation = rotate(&net, &net.grace, &net.grace_id, "rust", true).await;
    let res = propose(&net, &net.lender, &rotation, &food_bank).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let refused: Value = res.json().await.unwrap();
    assert_eq!(refused["agreed"], json!(["home_coop"]));
    let res = answer(&net, &net.asker, &refused, false).await;
    let said: Value = res.json().await.unwrap();
    assert_eq!(said["state"], "refused");
    assert_eq!(
        net.app.told(&net.grace, "social_good.refused").await.len(),
        1
    );
    let res = answer(&net, &net.grace, &refused, true).await;
    assert_problem(res, 409, "proposal_closed").await;

    // Proposed again, then 15 days of silence.
    let res = propose(&net, &net.grace, &rotation, &food_bank).await;
    let lapsing: Value = res.json().await.unwrap();
    net.app.clock.advance(Duration::days(15));
    let path = format!("/api/v1/social-good-proposals/{}", id(&lapsing));
    let shown: Value = net.app.get_json(&path, Some(&net.grace)).await;
    assert_eq!(shown["state"], "lapsed");
    let res = answer(&net, &net.asker, &lapsing, true).await;
    assert_problem(res, 409, "proposal_closed").await;

    // Grace's week is 4 days taken in March: the last yes finds no room for two more.
    let offer = net.offer(4.0, true).await;
    let busy = net.placement(&offer, 4.0, "2027-03-01", "2027-03-28").await;
    let res = net.act(&busy, "accept", None, &net.lender).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = propose(&net, &net.grace, &rotation, &food_bank).await;
    let full: Value = res.json().await.unwrap();
    assert_eq!(
        answer(&net, &net.lender, &full, true).await.status(),
        StatusCode::OK
    );
    let res = answer(&net, &net.asker, &full, true).await;
    let problem = assert_problem(res, 409, "over_capacity").await;
    assert_eq!(
        problem["conflicts"][0],
        json!({"message": "from 2027-03-01 to 2027-03-28 the person has 1 day a week free",
               "start": "2027-03-01", "end": "2027-03-28", "free_days_per_week": 1.0,
               "limit": "person"})
    );
    // Nothing changed: still waiting for ask-coop.
    let shown: Value = net
        .app
        .get_json(
            &format!("/api/v1/social-good-proposals/{}", id(&full)),
            Some(&net.asker),
        )
        .await;
    assert_eq!(shown["waiting_for"], json!(["requesting_coop"]));
}

async fn fifty_last_yeses_at_once_never_overbook_the_person(backend: Backend) {
    let net = Network::start(backend).await;
    let food_bank = request(&net, "Food bank rota app", &[], 5.0, "social_good").await;
    // Fifty rotation requests of Grace's, each for a day a week, each
    // proposed and agreed by her co-op: only ask-coop's yes is missing.
    let mut proposals = Vec::new();
    for _ in 0..50 {
        let body = json!({"person_id": net.grace_id, "days_per_week": 1,
                          "start": "2027-02-01", "end": "2027-02-28"});
        let res = net
            .app
            .post_json("/api/v1/rotations", &body, Some(&net.grace))
            .await;
        let rotation: Value = res.json().await.unwrap();
        let proposal: Value = propose(&net, &net.grace, &rotation, &food_bank)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            answer(&net, &net.lender, &proposal, true).await.status(),
            StatusCode::OK
        );
        proposals.push(proposal);
    }
    let yeses = proposals.iter().map(|proposal| async {
        let res = answer(&net, &net.asker, proposal, true).await;
        (res.status(), res.json::<Value>().await.unwrap())
    });
    let mut agreed = 0;
    for (status, body) in join_all(yeses).await {
        match status.as_u16() {
            200 => {
                assert_eq!(body["state"], "agreed", "{body}");
                agreed += 1;
            }
            409 => {
                assert_eq!(body["code"], "over_capacity", "{body}");
                assert_eq!(body["conflicts"][0]["limit"], "person", "{body}");
            }
            other => panic!("an answer said {other}: {body}"),
        }
    }
    assert_eq!(agreed, 5, "five days a week, a day each");
    let path = "/api/v1/placements?state=accepted&per_page=100";
    let placed: Value = net.app.get_json(path, Some(&net.lender)).await;
    assert_eq!(placed["total"], 5, "{placed}");
}
