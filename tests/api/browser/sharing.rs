//! A placement in Chromium: the asking co-op's admin finds an offer and
//! asks for time; the offering co-op's admin follows the notice in their
//! inbox to the placement and accepts it.

use coophub_testkit::{Backend, browser_tests};

use super::{
    Driver, accessible, follow, set_date, sign_in, sign_out, snapshot, text_of, type_into,
};
use crate::sharing::Network;

browser_tests!(a_placement_is_asked_and_accepted_in_chromium);

async fn a_placement_is_asked_and_accepted_in_chromium(backend: Backend) {
    let driver = Driver::start();
    let net = Network::start_with(backend, |settings| {
        settings.pages.map_tiles_url = String::new();
    })
    .await;
    net.offer(2.0, true).await;
    let base = net.app.url("");
    let client = driver.browser(true).await;

    sign_in(&client, &base, "ash@ask.coop").await;
    client.goto(&format!("{base}/offers")).await.unwrap();
    accessible(&client, "/offers").await;
    follow(&client, "a[href^='/offers/']").await;
    accessible(&client, "an offer").await;
    type_into(&client, "#days", "2").await;
    set_date(&client, "start", "2027-01-11").await;
    set_date(&client, "end", "2027-02-07").await;
    type_into(&client, "#ask-message", "For a food bank's app.").await;
    follow(&client, "form[action$='/placements'] button").await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("You asked for the time")
    );
    accessible(&client, "a placement asked for").await;
    sign_out(&client).await;

    sign_in(&client, &base, "lena@lend.coop").await;
    client.goto(&format!("{base}/me")).await.unwrap();
    accessible(&client, "/me").await;
    follow(&client, "#inbox ~ ul a[href^='/placements/']").await;
    follow(&client, "form[action$='/accept'] button").await;
    assert!(
        text_of(&client, ".done")
            .await
            .contains("both co-ops are told")
    );
    assert!(text_of(&client, ".facts").await.contains("accepted"));
    accessible(&client, "an accepted placement").await;
    snapshot(&client, "placement").await;
    client.close().await.unwrap();
}
