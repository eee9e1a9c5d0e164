//! The pages in a real browser: Debian's Chromium driven over WebDriver
//! (its chromedriver), with JavaScript and without, and axe-core (vendored
//! in tests/browser) finding no serious or critical accessibility violation
//! on any page visited. Without `chromium` and `chromedriver` on the PATH
//! (when built) they are ignored and say so, as PostgreSQL tests are
//! without their database; `.ci/run` installs both and refuses a skip.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use coophub_testkit::{Backend, browser_tests};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::coops::approved_coop;
use crate::helpers::{PASSWORD, TestApp};

browser_tests!(the_pages_work_in_chromium_with_and_without_javascript);

/// axe-core, run in the page (WebDriver scripts are not bound by its CSP).
const AXE: &str = include_str!("../browser/axe-4.14.1.min.js");

/// How long a page may take to show what a step waits for.
const PATIENCE: Duration = Duration::from_secs(15);

/// A chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A headless Chromium session, with JavaScript or without.
    async fn browser(&self, javascript: bool) -> Client {
        let prefs = if javascript {
            json!({})
        } else {
            json!({"profile.managed_default_content_settings.javascript": 2})
        };
        let options = json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900"],
            "prefs": prefs,
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        // chromedriver takes a moment to listen.
        for _ in 0..50 {
            let connected = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&self.url)
                .await;
            if let Ok(client) = connected {
                return client;
            }
            actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("chromedriver did not start a session at {}", self.url);
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every serious or critical axe-core violation on the current page.
async fn violations(client: &Client) -> Vec<String> {
    client.execute(AXE, vec![]).await.unwrap();
    let found = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']})
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value::<Vec<String>>(found).unwrap()
}

async fn accessible(client: &Client, page: &str) {
    let found = violations(client).await;
    assert!(found.is_empty(), "{page}: {found:?}");
}

async fn css<'a>(client: &'a Client, selector: &'a str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
}

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
    link.click().await.unwrap();
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
