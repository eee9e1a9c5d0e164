//! Sharing people as pages: offers listed and opened, time asked for on an
//! offer's page, and the placement accepted and talked over on its own
//! page, with each visitor seeing what the JSON API shows them.

use coophub_testkit::{Backend, backend_tests};
use reqwest::StatusCode;

use super::{MARKER, page, post_form, signed_in};
use crate::sharing::Network;

backend_tests!(a_placement_is_asked_on_an_offers_page_and_accepted_on_its_own);

async fn a_placement_is_asked_on_an_offers_page_and_accepted_on_its_own(backend: Backend) {
    let net = Network::start(backend).await;
    let app = &net.app;
    let offer = net.offer(2.0, true).await;
    let offer_id = offer["id"].as_str().unwrap();

    let (asker, asker_csrf) = signed_in(app, "ash@ask.coop").await;
    let (_, offers) = page(app, "/offers", Some(&asker)).await;
    assert!(
        offers.contains(&format!("/offers/{offer_id}")) && offers.contains("Rust developer"),
        "{offers}"
    );
    let (_, lender_page) = page(app, "/coops/lend-coop", Some(&asker)).await;
    assert!(
        lender_page.contains(&format!(
            "<a href=\"/offers/{offer_id}\">Rust developer</a>"
        )) && lender_page.contains(&format!(
            "<a href=\"/people/{}\">Grace Hopper</a>",
            net.grace_id
        )),
        "{lender_page}"
    );
    let (_, wanted) = page(app, "/requests", Some(&asker)).await;
    assert!(wanted.contains("People wanted"));
    let (_, shown) = page(app, &format!("/offers/{offer_id}"), Some(&asker)).await;
    assert!(
        shown.contains("Ask for time") && shown.contains("value=\"ask-coop\""),
        "{shown}"
    );
    assert!(
        shown.contains("Grace Hopper") && shown.contains("2 days a week"),
        "{shown}"
    );

    // Every wrong field at once, what was typed kept; then asked.
    let path = format!("/offers/{offer_id}/placements");
    let wrong = [
        ("requesting_coop", "ask-coop"),
        ("days_per_week", "two"),
        ("start", "2027-02-07"),
        ("end", "someday"),
        ("message", "For a food bank"),
        ("csrf", &asker_csrf),
    ];
    let res = post_form(app, &path, &wrong, &asker).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let again = res.text().await.unwrap();
    for said in [
        "days_per_week: must be a number",
        "end: must be a date",
        ">For a food bank</textarea>",
    ] {
        assert!(again.contains(said), "{said}: {again}");
    }
    let message = format!("For a food bank. {MARKER}");
    let ask = [
        ("requesting_coop", "ask-coop"),
        ("days_per_week", "2"),
        ("start", "2027-01-11"),
        ("end", "2027-02-07"),
        ("message", &message),
        ("csrf", &asker_csrf),
    ];
    let res = post_form(app, &path, &ask, &asker).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with("?done=asked"), "{location}");
    let placement = location
        .trim_start_matches("/placements/")
        .trim_end_matches("?done=asked")
        .to_owned();
    let at = |rest: &str| format!("/placements/{placement}{rest}");

    // The asking co-op may call it off, not accept it.
    let (_, theirs) = page(app, &location, Some(&asker)).await;
    assert!(
        theirs.contains("You asked for the time") && theirs.contains("Call it off"),
        "{theirs}"
    );
    assert!(!theirs.contains(">Accept</button>"));

    // The offering co-op's admin accepts, with the page's token only.
    let (lender, lender_csrf) = signed_in(app, "lena@lend.coop").await;
    let (_, ours) = page(app, &at(""), Some(&lender)).await;
    assert!(
        ours.contains(">Accept</button>") && ours.contains(">Decline</button>"),
        "{ours}"
    );
    let res = post_form(app, &at("/accept"), &[("reason", "")], &lender).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post_form(app, &at("/accept"), &[("csrf", &lender_csrf)], &lender).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let shown = app
        .get_json(
            &format!("/api/v1/placements/{placement}"),
            Some(&net.lender),
        )
        .await;
    assert_eq!(shown["state"], "accepted", "{shown}");
    let res = post_form(app, &at("/accept"), &[("csrf", &lender_csrf)], &lender).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "accepted already");
    let res = post_form(
        app,
        &at("/cancel"),
        &[("reason", ""), ("csrf", &lender_csrf)],
        &lender,
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "calling off needs a reason"
    );

    // They talk it over; the other side reads it.
    let hello = [("text", "Grace starts on the 11th"), ("csrf", &lender_csrf)];
    let res = post_form(app, &at("/messages"), &hello, &lender).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, theirs) = page(app, &at(""), Some(&asker)).await;
    assert!(
        theirs.contains("Grace starts on the 11th") && theirs.contains("<dd>accepted</dd>"),
        "{theirs}"
    );

    // Nobody else finds it.
    let (outsider, _) = signed_in(app, "nia@new.coop").await;
    for cookie in [Some(outsider.as_str()), None] {
        let (status, body) = page(app, &at(""), cookie).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!body.contains(MARKER) && !body.contains("Grace starts"));
    }
}
