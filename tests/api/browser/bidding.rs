//! A bid in Chromium, from a tender to a confirmed submission: the lead
//! opens it from the tender's page, adds roles and invites the partner the
//! page suggests; the partner accepts and writes; the lead decides to bid
//! and submits though a role is still open, confirming it.

use coophub_testkit::{Backend, browser_tests};

use super::{
    Driver, accessible, click, css, follow, sign_in, sign_out, snapshot, text_of, type_into,
};
use crate::bidding::Consortium;

browser_tests!(a_bid_goes_from_a_tender_to_a_confirmed_submission_in_chromium);

async fn a_bid_goes_from_a_tender_to_a_confirmed_submission_in_chromium(backend: Backend) {
    let driver = Driver::start();
    let world = Consortium::start_with(backend, |settings| {
        settings.pages.map_tiles_url = String::new();
    })
    .await;
    let base = world.app.url("");
    let client = driver.browser(true).await;

    // The tenders, ranked for the lead's co-op; the tender; a bid opened.
    sign_in(&client, &base, "lia@lead.coop").await;
    client.goto(&format!("{base}/opportunities")).await.unwrap();
    accessible(&client, "/opportunities").await;
    follow(&client, "a[href^='/opportunities/']").await;
    assert_eq!(text_of(&client, "h1").await, "Patient records API");
    accessible(&client, "a tender").await;
    follow(&client, "form[action$='/bids'] button").await;
    let title = css(&client, "h1").await;
    assert_eq!(title.text().await.unwrap(), "Patient records API");
    let workspace = client.current_url().await.unwrap().to_string();
    assert!(workspace.contains("/bids/"), "{workspace}");
    accessible(&client, "a new bid's workspace").await;

    // Two roles; the suggested partner invited for the first.
    for (role, skills, days) in [
        ("Rust backend", "Rust", "20"),
        ("Accessibility audit", "UX", "5"),
    ] {
        type_into(&client, "#role-title", role).await;
        type_into(&client, "#role-skills", skills).await;
        type_into(&client, "#role-effort", days).await;
        follow(&client, "form[action$='/roles'] button").await;
        css(&client, ".done").await;
    }
    accessible(&client, "the workspace with roles and suggestions").await;
    follow(
        &client,
        "form[action$='/invitations'] input[value='partner-coop'] ~ button",
    )
    .await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("The co-op was invited")
    );
    sign_out(&client).await;

    // The partner accepts and writes.
    sign_in(&client, &base, "pat@partner.coop").await;
    client.goto(&workspace).await.unwrap();
    accessible(&client, "the workspace as an invited co-op").await;
    follow(&client, "button[name='accept'][value='yes']").await;
    type_into(&client, "#message-text", "We can start in February.").await;
    follow(&client, "form[action$='/messages'] button").await;
    assert!(
        text_of(&client, ".messages")
            .await
            .contains("We can start in February.")
    );
    sign_out(&client).await;

    // The lead decides, and submits with one role still open, confirming it.
    sign_in(&client, &base, "lia@lead.coop").await;
    client.goto(&workspace).await.unwrap();
    assert!(
        text_of(&client, ".messages")
            .await
            .contains("We can start in February.")
    );
    type_into(&client, "#reasons", "We have the people.").await;
    follow(&client, "form[action$='/decision'] button").await;
    follow(&client, "form[action$='/submit'] button").await;
    let refused = text_of(&client, ".error").await;
    assert!(refused.contains("Accessibility audit"), "{refused}");
    click(&client, "input[name='confirm']").await;
    follow(&client, "form[action$='/submit'] button").await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("recorded as submitted")
    );
    assert!(text_of(&client, ".facts").await.contains("submitted"));
    accessible(&client, "a submitted bid").await;
    snapshot(&client, "bid").await;

    // At 375 px wide nothing scrolls sideways.
    client.set_window_size(375, 900).await.unwrap();
    client.refresh().await.unwrap();
    css(&client, "h1").await;
    let sideways = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        sideways.as_i64(),
        Some(0),
        "the workspace scrolls sideways at 375 px"
    );
    client.close().await.unwrap();
}
