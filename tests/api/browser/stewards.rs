//! Claims and enquiries in Chromium: a form sent without its token is
//! refused; an enquiry sent; a co-op nobody runs claimed; the steward
//! decides the claim on their page, beside the fund's runway chart.

use coophub_testkit::{Backend, browser_tests};
use serde_json::json;

use super::{Driver, accessible, css, follow, sign_in, sign_out, snapshot, text_of, type_into};
use crate::claims::unclaimed_coop;
use crate::coops::approved_coop;
use crate::fund::{day, open_year, post};
use crate::helpers::TestApp;

browser_tests!(a_steward_decides_a_claim_made_in_chromium);

async fn a_steward_decides_a_claim_made_in_chromium(backend: Backend) {
    let driver = Driver::start();
    let app = TestApp::spawn_with(backend, |settings| {
        settings.pages.map_tiles_url = String::new();
    })
    .await;
    let steward = app.network_admin("steward@example.coop").await;
    app.user("sam@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    unclaimed_coop(&app, "loose-coop", "https://loose.example").await;
    let year = open_year(&app, &steward, "Hosting for the network").await;
    let spend = json!({"spent_on": day(&app, 0), "amount": 6000, "purpose": "Hosting",
                       "category": "infrastructure"});
    post(
        &app,
        &format!("/api/v1/fund/years/{year}/spending"),
        spend,
        &steward,
        201,
    )
    .await;
    let base = app.url("");
    let client = driver.browser(true).await;

    // A form without its token is refused; with it, the enquiry is sent.
    sign_in(&client, &base, "sam@example.coop").await;
    client
        .goto(&format!("{base}/coops/leeds-web"))
        .await
        .unwrap();
    type_into(&client, "#subject", "Hosting").await;
    type_into(&client, "#message", "Could you host a food bank's app?").await;
    let remove =
        "document.querySelector(\"form[action$='/enquiries'] input[name='csrf']\").remove();";
    client.execute(remove, vec![]).await.unwrap();
    follow(&client, "form[action$='/enquiries'] button").await;
    let refused = text_of(&client, ".error").await;
    assert!(
        refused.contains("send the form from this site's page"),
        "{refused}"
    );
    client
        .goto(&format!("{base}/coops/leeds-web"))
        .await
        .unwrap();
    type_into(&client, "#subject", "Hosting").await;
    type_into(&client, "#message", "Could you host a food bank's app?").await;
    follow(&client, "form[action$='/enquiries'] button").await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("Your message was sent")
    );

    // The claim, then the steward's decision.
    client
        .goto(&format!("{base}/coops/loose-coop"))
        .await
        .unwrap();
    type_into(&client, "#claim-message", "I founded it.").await;
    follow(&client, "form[action$='/claim'] button").await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("the stewards will answer")
    );
    accessible(&client, "a co-op claimed").await;
    sign_out(&client).await;
    sign_in(&client, &base, "steward@example.coop").await;
    follow(&client, "a[href='/stewards']").await;
    css(&client, ".chart svg").await;
    accessible(&client, "/stewards").await;
    snapshot(&client, "stewards").await;
    follow(
        &client,
        "form[action^='/stewards/claims/'] button[value='yes']",
    )
    .await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("The claim was decided")
    );
    assert!(
        text_of(&client, "#claims ~ p")
            .await
            .contains("No claims wait.")
    );
    client.close().await.unwrap();
}
