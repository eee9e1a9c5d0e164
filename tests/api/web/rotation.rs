//! The private wish to rotate as a page, to the person and their co-op's
//! admins only, with the social-good work they could take on; proposed
//! there, and agreed by the three parties on the proposal's page.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use super::{page, post_form, signed_in};
use crate::sharing::Network;
use crate::sharing::rotations::{MARKER, rotate, sam};
use crate::sharing::social_good::request;

backend_tests!(
    a_rotation_is_proposed_for_social_good_work_and_agreed_on_the_pages,
    two_rotations_swap_places_on_the_pages,
);

async fn a_rotation_is_proposed_for_social_good_work_and_agreed_on_the_pages(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    request(
        &net,
        "Food bank rota app",
        &[("rust", 3)],
        1.0,
        "social_good",
    )
    .await;
    let rotation = rotate(&net, &net.grace, &net.grace_id, "rust", false).await;
    let at = format!("/rotations/{}", rotation["id"].as_str().unwrap());

    // Private to Grace and her co-op's admins.
    let (asker, asker_csrf) = signed_in(app, "ash@ask.coop").await;
    for cookie in [Some(asker.as_str()), None] {
        let (status, body) = page(app, &at, cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!body.contains(MARKER));
    }
    let (grace, grace_csrf) = signed_in(app, "grace@lend.coop").await;
    let (status, hers) = page(app, &at, Some(&grace)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        hers.contains("Food bank rota app") && hers.contains("You have what it needs: rust."),
        "{hers}"
    );

    // She proposes herself; the two co-ops agree on the proposal's page.
    let request_id = {
        let found = app
            .get_json(&format!("/api/v1{at}/social-good"), Some(&net.grace))
            .await;
        found["items"][0]["request"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let propose = [("request_id", request_id.as_str()), ("csrf", &grace_csrf)];
    let res = post_form(app, &format!("{at}/social-good"), &propose, &grace).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let proposal = res.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let (_, waiting) = page(app, &proposal, Some(&grace)).await;
    assert!(
        waiting.contains("Waiting for") && !waiting.contains(">Agree</button>"),
        "{waiting}"
    );
    let (lender, lender_csrf) = signed_in(app, "lena@lend.coop").await;
    for (cookie, csrf) in [(&lender, &lender_csrf), (&asker, &asker_csrf)] {
        let (_, theirs) = page(app, &proposal, Some(cookie)).await;
        assert!(theirs.contains(">Agree</button>"), "{theirs}");
        let res = post_form(
            app,
            &format!("{proposal}/answer"),
            &[("agree", "yes"), ("csrf", csrf)],
            cookie,
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (_, agreed) = page(app, &proposal, Some(&asker)).await;
    assert!(
        agreed.contains("<dd>agreed</dd>") && !agreed.contains(MARKER),
        "{agreed}"
    );
    let (_, hers) = page(app, &at, Some(&grace)).await;
    assert!(hers.contains("placed on social-good work"), "{hers}");
}

async fn two_rotations_swap_places_on_the_pages(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    let (sam_token, sam_id) = sam(&net).await;
    let grace = rotate(&net, &net.grace, &net.grace_id, "elm", true).await;
    rotate(&net, &sam_token, &sam_id, "rust", true).await;
    let at = format!("/rotations/{}", grace["id"].as_str().unwrap());

    let (grace_page, grace_csrf) = signed_in(app, "grace@lend.coop").await;
    let (_, hers) = page(app, &at, Some(&grace_page)).await;
    assert!(hers.contains("Propose a swap with Sam Samphire"), "{hers}");
    let with = {
        let found = app
            .get_json(&format!("/api/v1{at}/swaps"), Some(&net.grace))
            .await;
        found["items"][0]["rotation_id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let propose = [("with", with.as_str()), ("csrf", &grace_csrf)];
    let res = post_form(app, &format!("{at}/swaps"), &propose, &grace_page).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let swap = res.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    assert!(swap.starts_with("/swaps/"), "{swap}");

    // The other three agree on the swap's page; it books both placements.
    let (sam_page, sam_csrf) = signed_in(app, "sam@ask.coop").await;
    let (lender, lender_csrf) = signed_in(app, "lena@lend.coop").await;
    let (asker, asker_csrf) = signed_in(app, "ash@ask.coop").await;
    for (cookie, csrf) in [
        (&sam_page, &sam_csrf),
        (&lender, &lender_csrf),
        (&asker, &asker_csrf),
    ] {
        let (_, theirs) = page(app, &swap, Some(cookie)).await;
        assert!(
            theirs.contains("Waiting for") && !theirs.contains(MARKER),
            "{theirs}"
        );
        let agree = [("agree", "yes"), ("csrf", csrf.as_str())];
        let res = post_form(app, &format!("{swap}/answer"), &agree, cookie).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (_, agreed) = page(app, &swap, Some(&grace_page)).await;
    assert!(
        agreed.contains("<dd>agreed</dd>") && agreed.contains("Placements booked"),
        "{agreed}"
    );
    let (outsider, _) = signed_in(app, "nia@new.coop").await;
    let (status, _) = page(app, &swap, Some(&outsider)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
