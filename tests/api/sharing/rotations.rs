//! Rotation requests stay private in every channel; a swap needs four
//! yeses (both people, both co-ops' admins), and books two placements when
//! the last one comes; a no or 14 days of silence end it.

use chrono::Duration;
use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::Network;
use crate::helpers::assert_problem;

backend_tests!(
    a_rotation_request_is_seen_by_the_person_and_their_admins_only,
    four_yeses_book_a_swap_and_one_no_or_silence_ends_it,
);

/// The marker word in private notes, looked for in every channel.
pub(crate) const MARKER: &str = "Quokkaburrow";

/// Sam of `ask-coop`, who works with Elm and is linked to their own account.
pub(crate) async fn sam(net: &Network) -> (String, String) {
    let token = net.app.user("sam@ask.coop").await;
    let body = json!({"name": "Sam Samphire", "linked_user_email": "sam@ask.coop",
                      "skills": [{"skill": "Elm", "level": 4, "interest": 5}]});
    let res = net
        .app
        .post_json("/api/v1/coops/ask-coop/people", &body, Some(&net.asker))
        .await;
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (token, id)
}

pub(crate) async fn rotate(
    net: &Network,
    token: &str,
    person: &str,
    wanted: &str,
    suggest_me: bool,
) -> Value {
    let body = json!({"person_id": person, "wanted_skills": [wanted], "days_per_week": 2,
                      "start": "2027-02-01", "end": "2027-04-30", "suggest_me": suggest_me,
                      "notes": format!("{MARKER}: the project wears me down")});
    let res = net
        .app
        .post_json("/api/v1/rotations", &body, Some(token))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn a_rotation_request_is_seen_by_the_person_and_their_admins_only(backend: Backend) {
    let net = Network::start(backend).await;
    // Only the person asks, even their admin cannot ask for them.
    let body = json!({"person_id": net.grace_id, "days_per_week": 1,
                      "start": "2027-02-01", "end": "2027-02-28"});
    let res = net
        .app
        .post_json("/api/v1/rotations", &body, Some(&net.lender))
        .await;
    assert_problem(res, 403, "forbidden").await;
    let res = net
        .app
        .post_json("/api/v1/rotations", &body, Some(&net.asker))
        .await;
    assert_problem(res, 404, "not_found").await;
    let rotation = rotate(&net, &net.grace, &net.grace_id, "elm", false).await;
    let path = format!("/api/v1/rotations/{}", rotation["id"].as_str().unwrap());

    for token in [&net.grace, &net.lender] {
        let shown = net.app.get_json(&path, Some(token)).await;
        assert!(shown["notes"].as_str().unwrap().contains(MARKER));
        let listed = net.app.get_json("/api/v1/rotations", Some(token)).await;
        assert_eq!(listed["total"], 1);
    }
    for token in [None, Some(net.asker.as_str()), Some(net.steward.as_str())] {
        let res = net.app.get(&path, token).await;
        assert_problem(res, 404, "not_found").await;
        let res = net.app.get(&format!("{path}/swaps"), token).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    let theirs = net
        .app
        .get_json("/api/v1/rotations", Some(&net.steward))
        .await;
    assert_eq!(theirs["total"], 0);

    // No channel carries it: search, suggestions, stats, lists.
    for token in [None, Some(net.asker.as_str()), Some(net.steward.as_str())] {
        for channel in [
            format!("/api/v1/search?q={MARKER}"),
            format!("/api/v1/search/suggest?q={}", &MARKER[..6]),
            "/api/v1/stats".to_owned(),
            "/api/v1/offers".to_owned(),
            "/api/v1/requests".to_owned(),
            format!("/api/v1/people/{}", net.grace_id),
        ] {
            let res = net.app.get(&channel, token).await;
            let text = res.text().await.unwrap();
            assert!(!text.contains(MARKER), "{channel}: {text}");
            assert!(!text.contains("rotation"), "{channel}: {text}");
        }
    }
}

async fn four_yeses_book_a_swap_and_one_no_or_silence_ends_it(backend: Backend) {
    let net = Network::start(backend).await;
    let (sam_token, sam_id) = sam(&net).await;
    let grace = rotate(&net, &net.grace, &net.grace_id, "elm", true).await;
    let grace_path = format!("/api/v1/rotations/{}", grace["id"].as_str().unwrap());

    // Sam has not agreed to be suggested: nobody fits yet.
    let hidden = rotate(&net, &sam_token, &sam_id, "rust", false).await;
    let found = net
        .app
        .get_json(&format!("{grace_path}/swaps"), Some(&net.grace))
        .await;
    assert_eq!(found["items"], json!([]));
    let res = net
        .app
        .post_json(
            &format!("{grace_path}/swaps"),
            &json!({"with_rotation_id": hidden["id"]}),
            Some(&net.grace),
        )
        .await;
    assert_problem(res, 404, "not_found").await;

    let sam_rotation = rotate(&net, &sam_token, &sam_id, "rust", true).await;
    let found = net
        .app
        .get_json(&format!("{grace_path}/swaps"), Some(&net.grace))
        .await;
    let suggestion = &found["items"][0];
    assert_eq!(suggestion["person"]["name"], "Sam Samphire");
    assert_eq!(suggestion["skills_for_you"], json!(["elm"]));
    assert_eq!(suggestion["skills_for_them"], json!(["rust"]));
    assert!(
        !found.to_string().contains(MARKER),
        "their notes stay theirs"
    );

    let propose = |with: &Value| json!({"with_rotation_id": with["id"]});
    let res = net
        .app
        .post_json(
            &format!("{grace_path}/swaps"),
            &propose(&sam_rotation),
            Some(&net.grace),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let swap: Value = res.json().await.unwrap();
    assert_eq!(swap["state"], "proposed");
    assert_eq!(swap["agreed"], json!(["first_person"]));
    let answer = format!("/api/v1/swaps/{}/answer", swap["id"].as_str().unwrap());
    let yes = json!({"agree": true});
    for token in [&sam_token, &net.lender] {
        let res = net.app.post_json(&answer, &yes, Some(token)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().await.unwrap()["state"], "proposed");
    }
    let res = net.app.post_json(&answer, &yes, Some(&net.steward)).await;
    assert_problem(res, 404, "not_found").await;
    let res = net.app.post_json(&answer, &yes, Some(&net.asker)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let agreed: Value = res.json().await.unwrap();
    assert_eq!(agreed["state"], "agreed");
    let placements = agreed["placements"].as_array().unwrap();
    assert_eq!(placements.len(), 2, "the co-ops' admins see both: {agreed}");
    let first = net
        .app
        .get_json(
            &format!(
                "/api/v1/placements/{}",
                placements[0]["id"].as_str().unwrap()
            ),
            Some(&net.asker),
        )
        .await;
    // Each person is given only their own placement, which opens for them.
    let swap_path = format!("/api/v1/swaps/{}", swap["id"].as_str().unwrap());
    for (token, name) in [(&sam_token, "Sam Samphire"), (&net.grace, "Grace Hopper")] {
        let seen = net.app.get_json(&swap_path, Some(token)).await;
        let theirs = seen["placements"].as_array().unwrap();
        assert_eq!(theirs.len(), 1, "{seen}");
        assert_eq!(theirs[0]["person"]["name"], name);
        let path = format!("/api/v1/placements/{}", theirs[0]["id"].as_str().unwrap());
        assert_eq!(
            net.app.get(&path, Some(token)).await.status(),
            StatusCode::OK
        );
    }
    let told = net.app.told(&sam_token, "swap.proposed").await;
    assert!(
        told.iter()
            .any(|t| t.contains("days a week at the other's co-op from")),
        "the proposal says what is asked: {told:?}"
    );
    assert_eq!(first["state"], "accepted");
    assert_eq!(first["offering_coop"]["slug"], "lend-coop");
    assert_eq!(first["requesting_coop"]["slug"], "ask-coop");
    assert_eq!(first["person"]["name"], "Grace Hopper");
    assert_eq!(
        net.app.get_json(&grace_path, Some(&net.grace)).await["status"],
        "swapped"
    );
    let res = net
        .app
        .post_json(&answer, &json!({"agree": false}), Some(&sam_token))
        .await;
    assert_problem(res, 409, "swap_closed").await;

    // A no ends the next one; silence for 14 days ends another.
    let (dana_token, dana_id) = {
        let token = net.app.user("dana@lend.coop").await;
        let body = json!({"name": "Dana", "linked_user_email": "dana@lend.coop",
                          "skills": [{"skill": "Rust", "level": 3, "interest": 3}]});
        let res = net
            .app
            .post_json("/api/v1/coops/lend-coop/people", &body, Some(&net.lender))
            .await;
        (
            token,
            res.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        )
    };
    let dana = rotate(&net, &dana_token, &dana_id, "elm", true).await;
    let dana_path = format!("/api/v1/rotations/{}/swaps", dana["id"].as_str().unwrap());
    let res = net
        .app
        .post_json(&dana_path, &propose(&hidden), Some(&dana_token))
        .await;
    assert_problem(res, 404, "not_found").await;
    let kim = {
        let token = net.app.user("kim@ask.coop").await;
        let body = json!({"name": "Kim", "linked_user_email": "kim@ask.coop",
                          "skills": [{"skill": "Elm", "level": 2, "interest": 3}]});
        let res = net
            .app
            .post_json("/api/v1/coops/ask-coop/people", &body, Some(&net.asker))
            .await;
        let id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        (token.clone(), rotate(&net, &token, &id, "rust", true).await)
    };
    let res = net
        .app
        .post_json(&dana_path, &propose(&kim.1), Some(&dana_token))
        .await;
    let refused: Value = res.json().await.unwrap();
    let answer = format!("/api/v1/swaps/{}/answer", refused["id"].as_str().unwrap());
    let res = net
        .app
        .post_json(&answer, &json!({"agree": false}), Some(&kim.0))
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["state"], "refused");
    let res = net.app.post_json(&answer, &yes, Some(&net.asker)).await;
    assert_problem(res, 409, "swap_closed").await;

    let res = net
        .app
        .post_json(&dana_path, &propose(&kim.1), Some(&net.lender))
        .await;
    let silent: Value = res.json().await.unwrap();
    assert_eq!(silent["agreed"], json!(["first_coop"]));
    net.app.clock.advance(Duration::days(15));
    let path = format!("/api/v1/swaps/{}", silent["id"].as_str().unwrap());
    assert_eq!(
        net.app.get_json(&path, Some(&kim.0)).await["state"],
        "lapsed"
    );
    let res = net
        .app
        .post_json(&format!("{path}/answer"), &yes, Some(&kim.0))
        .await;
    assert_problem(res, 409, "swap_closed").await;
}
