//! The directory in Chromium: search as the visitor types (and, without
//! JavaScript, by the form), a co-op's page, the map's named markers,
//! signing in and out.

use coophub_testkit::{Backend, browser_tests};

use super::{Driver, PASSWORD, accessible, css, follow, violations};
use crate::coops::approved_coop;
use crate::helpers::TestApp;

browser_tests!(the_pages_work_in_chromium_with_and_without_javascript);

async fn the_pages_work_in_chromium_with_and_without_javascript(backend: Backend) {
    let driver = Driver::start();
    let app = TestApp::spawn_with(backend, |settings| {
        // Nothing fetched from elsewhere: markers on a plain background.
        settings.pages.map_tiles_url = String::new();
    })
    .await;
    let steward = app.network_admin("steward@example.coop").await;
    let owner = app.user("ada@example.coop").await;
    approved_coop(&app, "leeds-web", &owner, &steward).await;
    let base = app.url("");

    // With JavaScript: results come as the visitor types, and the address follows.
    let client = driver.browser(true).await;
    // axe-core does find what it looks for: an image without a text alternative.
    client
        .goto("data:text/html,<html lang=en><title>t</title><main><img src=x></main></html>")
        .await
        .unwrap();
    let found = violations(&client).await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt")),
        "{found:?}"
    );
    client.goto(&format!("{base}/")).await.unwrap();
    accessible(&client, "/").await;
    css(&client, "input#q")
        .await
        .send_keys("leeds")
        .await
        .unwrap();
    let link = css(&client, "#results a[href='/coops/leeds-web']").await;
    assert_eq!(link.text().await.unwrap(), "Co-op leeds-web");
    let url = client.current_url().await.unwrap();
    assert_eq!(url.query(), Some("q=leeds"), "{url}");
    accessible(&client, "/?q=leeds").await;
    follow(&client, "#results a[href='/coops/leeds-web']").await;
    let heading = css(&client, "h1").await;
    assert_eq!(heading.text().await.unwrap(), "Co-op leeds-web");
    accessible(&client, "/coops/leeds-web").await;

    // The map's markers are named after their co-ops.
    client.goto(&format!("{base}/map")).await.unwrap();
    let marker = css(&client, "img.leaflet-marker-icon[alt='Co-op leeds-web']").await;
    assert_eq!(
        marker.attr("title").await.unwrap().as_deref(),
        Some("Co-op leeds-web")
    );
    accessible(&client, "/map").await;

    // Signing in and out through the forms.
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    accessible(&client, "/sign-in").await;
    css(&client, "input#email")
        .await
        .send_keys("ada@example.coop")
        .await
        .unwrap();
    css(&client, "input#password")
        .await
        .send_keys(PASSWORD)
        .await
        .unwrap();
    css(&client, "form.stacked button")
        .await
        .click()
        .await
        .unwrap();
    let who = css(&client, ".who").await;
    assert_eq!(who.text().await.unwrap(), "Signed in as Test Person");
    accessible(&client, "/ signed in").await;
    client
        .goto(&format!("{base}/coops/leeds-web"))
        .await
        .unwrap();
    css(&client, "form[action='/coops/leeds-web/enquiries']").await;
    accessible(&client, "/coops/leeds-web with its enquiry form").await;
    css(&client, "form[action='/sign-out'] button")
        .await
        .click()
        .await
        .unwrap();
    css(&client, "a[href='/sign-in']").await;
    client.close().await.unwrap();

    // Without JavaScript the same search is a form and a page.
    let plain = driver.browser(false).await;
    plain.goto(&format!("{base}/")).await.unwrap();
    css(&plain, "input#q")
        .await
        .send_keys("leeds")
        .await
        .unwrap();
    css(&plain, "form.search button")
        .await
        .click()
        .await
        .unwrap();
    let link = css(&plain, "#results a[href='/coops/leeds-web']").await;
    assert_eq!(link.text().await.unwrap(), "Co-op leeds-web");
    let url = plain.current_url().await.unwrap();
    assert_eq!(url.query(), Some("q=leeds"), "{url}");
    plain.close().await.unwrap();
}
