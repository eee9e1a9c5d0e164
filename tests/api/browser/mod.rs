//! The pages in a real browser: Debian's Chromium driven over WebDriver
//! (its chromedriver), with JavaScript and without, and axe-core (vendored
//! in tests/browser) finding no serious or critical accessibility violation
//! on any page visited. Without `chromium` and `chromedriver` on the PATH
//! (when built) they are ignored and say so, as PostgreSQL tests are
//! without their database; `.ci/run` installs both and refuses a skip.

mod bidding;
mod directory;
mod sharing;
mod stewards;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

pub use crate::helpers::PASSWORD;

/// axe-core, run in the page (WebDriver scripts are not bound by its CSP).
const AXE: &str = include_str!("../../browser/axe-4.14.1.min.js");

/// How long a page may take to show what a step waits for.
const PATIENCE: Duration = Duration::from_secs(15);

/// A chromedriver on a free loopback port, stopped when dropped.
pub struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // A process group of its own, so that the browsers it starts go with
        // it even when a test panics before closing its session.
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A headless Chromium session, with JavaScript or without.
    pub async fn browser(&self, javascript: bool) -> Client {
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
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every serious or critical axe-core violation on the current page.
pub async fn violations(client: &Client) -> Vec<String> {
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

pub async fn accessible(client: &Client, page: &str) {
    let found = violations(client).await;
    assert!(found.is_empty(), "{page}: {found:?}");
}

pub async fn css<'a>(client: &'a Client, selector: &'a str) -> fantoccini::elements::Element {
    let found = client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(selector))
        .await;
    match found {
        Ok(element) => element,
        Err(error) => {
            let url = client.current_url().await.map(|u| u.to_string());
            let main = match client.find(Locator::Css("main")).await {
                Ok(main) => main.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{selector}: {error} on {url:?}, which shows:\n{main}")
        }
    }
}

/// Saves what the browser shows as `{name}.png` in the folder
/// `COOPHUB_SCREENSHOTS` names, when it does (`.ci/screenshots` sets it to
/// docs/screenshots for the README).
pub async fn snapshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("COOPHUB_SCREENSHOTS") {
        let png = client.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

/// Types `text` into the field `selector`.
pub async fn type_into(client: &Client, selector: &str, text: &str) {
    css(client, selector).await.send_keys(text).await.unwrap();
}

/// Clicks the element `selector`.
pub async fn click(client: &Client, selector: &str) {
    css(client, selector).await.click().await.unwrap();
}

/// Clicks the link or button `selector` and waits for the page it leads to
/// (the old page's elements gone stale).
pub async fn follow(client: &Client, selector: &str) {
    let old = css(client, "body").await;
    click(client, selector).await;
    let deadline = std::time::Instant::now() + PATIENCE;
    while old.tag_name().await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "{selector} led nowhere"
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sets the date field `id` (typing a date depends on the browser's locale).
pub async fn set_date(client: &Client, id: &str, date: &str) {
    let script = format!("document.getElementById('{id}').value = '{date}';");
    client.execute(&script, vec![]).await.unwrap();
}

/// The text of the element `selector` (found again if the page was still
/// being replaced when it was first found).
pub async fn text_of(client: &Client, selector: &str) -> String {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        match css(client, selector).await.text().await {
            Ok(text) => return text,
            Err(error) if std::time::Instant::now() >= deadline => panic!("{selector}: {error}"),
            Err(_) => actix_web::rt::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// Signs `email` in through the sign-in page, from wherever the browser is.
pub async fn sign_in(client: &Client, base: &str, email: &str) {
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    type_into(client, "input#email", email).await;
    type_into(client, "input#password", PASSWORD).await;
    follow(client, "form.stacked button").await;
    css(client, ".who").await;
}

/// Signs out with the header's button.
pub async fn sign_out(client: &Client) {
    follow(client, "form[action='/sign-out'] button").await;
    css(client, "a[href='/sign-in']").await;
}
