//! The private wish to rotate as a page, to the person and their co-op's
//! admins only, with the social-good work they could take on; proposed
//! there, and agreed by the three parties on the proposal's page.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use super::{page, post_form, signed_in};
use crate::sharing::Network;
use crate::sharing::rotations::{MARKER, rotate};
use crate::sharing::social_good::request;

backend_tests!(a_rotation_is_proposed_for_social_good_work_and_agreed_on_the_pages);

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
