//! `coophub sync ocds --url URL [--since DATE]`: pages through an OCDS API
//! by following `links.next`, importing each page as `import ocds` does
//! (all or nothing). The position is kept in the database with each page, in
//! the same transaction: a run that stops (a failed request, a page that is
//! not a valid package) keeps the page it could not take as the next one, and
//! the next run resumes there; a run that reaches the last page asks, next
//! time, only for what changed since the newest release it imported.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use coophub_store::Store;
use coophub_store::bidding::sync_cursors::{self, SyncCursor};
use indicatif::ProgressBar;
use reqwest::Url;
use serde_json::Value;

use super::ocds::import_package;
use super::{Counts, Failed};

/// The query parameter that asks an OCDS API for releases changed since a
/// date (Find a Tender's name for it).
pub const SINCE_PARAMETER: &str = "updatedFrom";
/// How long one page may take to arrive.
const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

/// What a sync did.
#[derive(Debug, Default)]
pub struct SyncSummary {
    /// Pages imported in this run.
    pub pages: usize,
    /// Opportunities created, updated and left as they were.
    pub opportunities: Counts,
    /// Odd but readable fields, each with its page and pointer.
    pub warnings: Vec<String>,
    /// The page this run resumed at, when the last one had stopped.
    pub resumed_at: Option<String>,
}

/// `url` asking for releases changed since `since`.
fn with_since(url: &str, since: DateTime<Utc>) -> anyhow::Result<String> {
    let mut parsed = Url::parse(url).map_err(|e| anyhow::anyhow!("{url} is not a URL: {e}"))?;
    let kept: Vec<(String, String)> = parsed
        .query_pairs()
        .filter(|(name, _)| name != SINCE_PARAMETER)
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    parsed
        .query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .append_pair(
            SINCE_PARAMETER,
            &since.to_rfc3339_opts(SecondsFormat::Secs, true),
        );
    Ok(parsed.into())
}

/// The page after `document` (read from `at`), if its `links.next` names one.
fn next_page(document: &Value, at: &str) -> anyhow::Result<Option<String>> {
    let Some(next) = document
        .pointer("/links/next")
        .and_then(Value::as_str)
        .filter(|next| !next.trim().is_empty())
    else {
        return Ok(None);
    };
    let base = Url::parse(at)?;
    let next = base
        .join(next.trim())
        .map_err(|e| anyhow::anyhow!("{at}: links.next {next:?} is not a URL: {e}"))?;
    match next.scheme() {
        "http" | "https" => Ok(Some(next.into())),
        other => anyhow::bail!("{at}: links.next is a {other}: URL, not http(s)"),
    }
}

async fn fetch(client: &reqwest::Client, url: &str) -> anyhow::Result<Value> {
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!("{url} could not be fetched: {e}"))?;
    let status = response.status();
    if !status.is_success() {
        anyhow::bail!("{url} answered {status}");
    }
    let text = response
        .text()
        .await
        .map_err(|e| anyhow::anyhow!("{url} could not be read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{url} is not JSON: {e}"))
}

/// Runs `work` with a connection, off the async threads.
async fn blocking<T: Send + 'static>(
    store: &Store,
    work: impl FnOnce(&mut coophub_store::DbConnection) -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let store = store.clone();
    actix_web::web::block(move || {
        let mut conn = store.conn()?;
        work(&mut conn)
    })
    .await?
}

/// Syncs `url` (from `since`, when given) into `store`.
pub async fn sync_ocds(
    store: &Store,
    url: &str,
    since: Option<DateTime<Utc>>,
    progress: &ProgressBar,
    now: DateTime<Utc>,
) -> anyhow::Result<SyncSummary> {
    let source = url.to_owned();
    let key = source.clone();
    let mut cursor = blocking(store, move |conn| Ok(sync_cursors::find(conn, &key)?))
        .await?
        .unwrap_or_else(|| SyncCursor::new(&source));
    let mut summary = SyncSummary::default();
    let start = match (since, &cursor.next_url, cursor.last_release_date) {
        (Some(since), _, _) => with_since(&source, since)?,
        (None, Some(next), _) => {
            summary.resumed_at = Some(next.clone());
            next.clone()
        }
        (None, None, Some(last)) => with_since(&source, last)?,
        (None, None, None) => source.clone(),
    };
    let client = reqwest::Client::builder()
        .timeout(PAGE_TIMEOUT)
        .user_agent(concat!("coophub/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let mut seen = HashSet::new();
    let mut page = Some(start);
    while let Some(at) = page.take() {
        if !seen.insert(at.clone()) {
            anyhow::bail!("{at} is linked to again: the pages go round in a circle; stopped");
        }
        progress.set_message(format!("page {}: {at}", summary.pages + 1));
        let read = match fetch(&client, &at).await {
            Ok(document) => next_page(&document, &at).map(|next| (document, next)),
            Err(error) => Err(error),
        };
        let outcome = match read {
            Ok((document, next)) => {
                let mut moved = cursor.clone();
                let label = at.clone();
                blocking(store, move |conn| {
                    coophub_store::write(conn, |conn| {
                        let done = import_package(conn, &document, &label, now).map_err(Failed)?;
                        moved.next_url = next.clone();
                        moved.pages += 1;
                        moved.releases += i32::try_from(done.releases).unwrap_or(i32::MAX);
                        moved.last_release_date = moved.last_release_date.max(done.newest);
                        sync_cursors::save(conn, &moved, now)?;
                        Ok::<_, Failed>((done, moved.clone()))
                    })
                    .map_err(|failed| failed.0)
                })
                .await
            }
            Err(error) => Err(error),
        };
        match outcome {
            Ok((done, moved)) => {
                summary.pages += 1;
                summary.opportunities.add(&done.counts);
                summary.warnings.extend(done.warnings);
                progress.inc(1);
                page = moved.next_url.clone();
                cursor = moved;
            }
            Err(error) => {
                cursor.next_url = Some(at.clone());
                let kept = cursor.clone();
                blocking(store, move |conn| Ok(sync_cursors::save(conn, &kept, now)?)).await?;
                return Err(error.context(format!(
                    "stopped at page {} ({at}) after {} imported in this run; \
                     the next run resumes there",
                    summary.pages + 1,
                    summary.pages
                )));
            }
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_replaces_the_parameter_and_next_links_resolve_against_the_page() {
        let since = "2027-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(
            with_since("https://x.example/ocds?limit=5&updatedFrom=old", since).unwrap(),
            "https://x.example/ocds?limit=5&updatedFrom=2027-01-02T03%3A04%3A05Z"
        );
        let page = serde_json::json!({"links": {"next": "/ocds?cursor=2"}});
        assert_eq!(
            next_page(&page, "https://x.example/ocds?cursor=1").unwrap(),
            Some("https://x.example/ocds?cursor=2".to_owned())
        );
        let last = serde_json::json!({"links": {}});
        assert_eq!(next_page(&last, "https://x.example/ocds").unwrap(), None);
        let odd = serde_json::json!({"links": {"next": "ftp://x.example/2"}});
        assert!(next_page(&odd, "https://x.example/ocds").is_err());
    }
}
