//! The mixed soak: searches, reads, profile updates, placement asks and
//! OCDS imports at once, each from its own oha at a fixed rate, in windows
//! of equal length; per window each kind's latency and errors and the
//! server's resident memory, so that a trend shows.

use std::path::Path;

use anyhow::Context;
use chrono::{Days, Utc};
use serde::Serialize;
use serde_json::{Value, json};

use crate::fresh;
use crate::generate::{self, Size};
use crate::load::{Figures, Load};
use crate::process::Server;
use crate::queries::query_set;
use crate::resident::Resident;

/// What to run.
#[derive(Debug, Clone, clap::Args)]
pub struct SoakArgs {
    /// People in the generated network (as for `run`).
    #[arg(long, default_value_t = 10_000)]
    pub scale: usize,
    /// Windows of load, back to back.
    #[arg(long, default_value_t = 20)]
    pub windows: u32,
    /// Seconds per window.
    #[arg(long, default_value_t = 30)]
    pub window: u32,
    /// Seed of the network and the queries.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Leaves a kind of request out (search, read, update, placement,
    /// import), to see which one memory follows.
    #[arg(long)]
    pub without: Vec<String>,
    /// Writes the summary as JSON here.
    #[arg(long)]
    pub json: Option<std::path::PathBuf>,
}

/// The kinds of request and their fixed rates (requests a second) and
/// connections: mostly reading, as the network uses it.
const KINDS: [(&str, u32, u32); 5] = [
    ("search", 100, 4),
    ("read", 100, 4),
    ("update", 10, 2),
    ("placement", 5, 1),
    ("import", 2, 1),
];

/// One window's figures.
#[derive(Debug, Serialize)]
pub struct Window {
    /// Seconds since the soak began, at the window's end.
    pub at_s: u32,
    /// Per kind, in the order of [`KINDS`].
    pub kinds: Vec<(String, Figures)>,
    /// Resident memory at the window's end.
    pub rss_mb: f64,
    /// Of it, by what holds it.
    pub resident: Resident,
}

/// The soak's summary.
#[derive(Debug, Default, Serialize)]
pub struct SoakSummary {
    /// People in the generated network.
    pub scale: usize,
    /// Resident memory once started, before any load.
    pub rss_start_mb: f64,
    /// Each window's figures, in order.
    pub windows: Vec<Window>,
    /// Answers other than 2xx, and requests unanswered, over the soak.
    pub errors: u64,
    /// Resident memory: the mean of the last quarter of windows over that
    /// of the second quarter (1.0 is flat; NaN for fewer than four windows).
    pub rss_growth_late: f64,
}

/// Runs the soak on a generated SQLite network; fails on any error.
pub fn soak(args: &SoakArgs) -> anyhow::Result<SoakSummary> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("coophub.db").display());
    let store = coophub_store::Store::connect(&url, coophub_store::PoolOptions::default())?;
    store.migrate()?;
    let generated = generate::generate(&store, Size::at_scale(args.scale, args.seed))?;
    drop(store);
    let server = Server::coophub(&std::env::current_exe()?, dir.path(), &url)?;
    let base = server.base();
    let token = fresh::sign_in(&base)?;
    let files = Files::write(
        dir.path(),
        &base,
        &token,
        &generated.editable_people,
        args.seed,
    )?;
    let mut summary = SoakSummary {
        scale: args.scale,
        rss_start_mb: server.rss_mb()?,
        ..SoakSummary::default()
    };
    println!(
        "soak: {} windows of {} s at scale {}",
        args.windows, args.window, args.scale
    );
    for n in 1..=args.windows {
        let kinds = files.window(args.window, &token, &args.without)?;
        let window = Window {
            at_s: n * args.window,
            kinds,
            rss_mb: server.rss_mb()?,
            resident: server.resident()?,
        };
        print_window(&window);
        summary.errors += window.kinds.iter().map(|(_, f)| f.errors).sum::<u64>();
        summary.windows.push(window);
    }
    summary.rss_growth_late = late_growth(&summary.windows);
    println!(
        "memory: start {:.0} MB, end {:.0} MB, last quarter / second quarter {:.3}; errors {}",
        summary.rss_start_mb,
        summary.windows.last().map_or(f64::NAN, |w| w.rss_mb),
        summary.rss_growth_late,
        summary.errors
    );
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&summary)?)?;
    }
    anyhow::ensure!(summary.errors == 0, "{} requests failed", summary.errors);
    Ok(summary)
}

fn print_window(window: &Window) {
    let figures: Vec<String> = window
        .kinds
        .iter()
        .map(|(kind, f)| format!("{kind} {:.1}/{:.1} ms e{}", f.p50_ms, f.p99_ms, f.errors))
        .collect();
    println!(
        "  {:>5} s  {}  rss {:.0} MB (heap {:.0}, program {:.0}, index {:.0})",
        window.at_s,
        figures.join("  "),
        window.rss_mb,
        window.resident.anon_mb,
        window.resident.program_mb,
        window.resident.index_mb
    );
}

fn late_growth(windows: &[Window]) -> f64 {
    // Fewer than four windows have no quarters to compare.
    let quarter = windows.len() / 4;
    if quarter == 0 {
        return f64::NAN;
    }
    let mean = |w: &[Window]| w.iter().map(|w| w.rss_mb).sum::<f64>() / w.len() as f64;
    mean(&windows[windows.len() - quarter..]) / mean(&windows[quarter..2 * quarter])
}

/// The URL files of each kind, and the bodies the writes send.
struct Files {
    urls: Vec<std::path::PathBuf>,
    update: String,
    placement: String,
    import: String,
}

impl Files {
    fn write(
        dir: &Path,
        base: &str,
        token: &str,
        people: &[uuid::Uuid],
        seed: u64,
    ) -> anyhow::Result<Self> {
        let lines = |name: &str, lines: Vec<String>| -> anyhow::Result<std::path::PathBuf> {
            anyhow::ensure!(!lines.is_empty(), "nothing to {name}");
            let path = dir.join(format!("soak-{name}.txt"));
            std::fs::write(&path, lines.join("\n") + "\n")?;
            Ok(path)
        };
        let searches = query_set(240, seed)
            .into_iter()
            .map(|q| format!("{base}/api/v1/search?{}", q.query))
            .collect();
        let (period, asking, offers) = placements(base, token, people)?;
        let mut reads: Vec<String> = people
            .iter()
            .map(|p| format!("{base}/api/v1/people/{p}"))
            .collect();
        reads.extend(offers.iter().map(|o| format!("{base}/api/v1/offers/{o}")));
        reads.push(format!("{base}/api/v1/coops?per_page=20"));
        reads.push(format!("{base}/api/v1/stats"));
        let asks = offers
            .iter()
            .map(|o| format!("{base}/api/v1/offers/{o}/placements"))
            .collect();
        let updates = people
            .iter()
            .map(|p| format!("{base}/api/v1/people/{p}"))
            .collect();
        let urls = vec![
            lines("search", searches)?,
            lines("read", reads)?,
            lines("update", updates)?,
            lines("placement", asks)?,
            lines(
                "import",
                vec![format!("{base}/api/v1/opportunities/import")],
            )?,
        ];
        Ok(Self {
            urls,
            update: fresh::profile("zqsoak").to_string(),
            placement: json!({"requesting_coop": asking, "days_per_week": 0.5,
                              "start": period.0, "end": period.1})
            .to_string(),
            import: tender_package().to_string(),
        })
    }

    /// Every kind at once for `seconds`; answers their figures.
    fn window(
        &self,
        seconds: u32,
        token: &str,
        without: &[String],
    ) -> anyhow::Result<Vec<(String, Figures)>> {
        let oha = crate::load::oha();
        let headers = [format!("Authorization: Bearer {token}")];
        std::thread::scope(|scope| {
            let runs: Vec<_> = KINDS
                .iter()
                .zip(&self.urls)
                .filter(|((kind, _, _), _)| !without.iter().any(|w| w == kind))
                .map(|(&(kind, rate, concurrency), urls)| {
                    let (oha, headers) = (&oha, &headers);
                    scope.spawn(move || {
                        let write = match kind {
                            "update" => Some(("PUT", self.update.as_str())),
                            "placement" => Some(("POST", self.placement.as_str())),
                            "import" => Some(("POST", self.import.as_str())),
                            _ => None,
                        };
                        let load = Load {
                            oha,
                            urls,
                            concurrency,
                            seconds,
                            rate: Some(rate),
                            write,
                            // Signed in as a member of the network, as most callers are.
                            headers,
                        };
                        load.run().map(|figures| (kind.to_owned(), figures))
                    })
                })
                .collect();
            runs.into_iter()
                .map(|run| {
                    run.join()
                        .map_err(|_| anyhow::anyhow!("a load thread failed"))?
                })
                .collect()
        })
    }
}

/// A period every chosen offer covers, a co-op the bench account asks for,
/// and open offers of other co-ops.
fn placements(
    base: &str,
    token: &str,
    people: &[uuid::Uuid],
) -> anyhow::Result<((String, String), String, Vec<String>)> {
    let client = reqwest::blocking::Client::new();
    let get = |path: &str| -> anyhow::Result<Value> {
        Ok(client
            .get(format!("{base}{path}"))
            .bearer_auth(token)
            .send()?
            .error_for_status()?
            .json()?)
    };
    // The co-op of a person the bench account may edit is one it administers.
    let person = people
        .first()
        .context("the bench account administers no co-op")?;
    let asking = get(&format!("/api/v1/people/{person}"))?["coop"]["slug"]
        .as_str()
        .context("a person without a co-op")?
        .to_owned();
    // Generated offers start within 60 days and run 30 to 180.
    let today = Utc::now().date_naive();
    let period = (
        today.checked_add_days(Days::new(61)).context("date")?,
        today.checked_add_days(Days::new(74)).context("date")?,
    );
    let (start, end) = (period.0.to_string(), period.1.to_string());
    let mut offers = Vec::new();
    for page in 1..=5 {
        let listed = get(&format!("/api/v1/offers?per_page=100&page={page}"))?;
        for offer in listed["items"].as_array().into_iter().flatten() {
            let covers = offer["start"].as_str().is_some_and(|s| s <= start.as_str())
                && offer["end"].as_str().is_some_and(|e| e >= end.as_str());
            if covers && offer["coop"]["slug"] != asking.as_str() {
                offers.extend(offer["id"].as_str().map(str::to_owned));
            }
        }
    }
    Ok(((start, end), asking, offers))
}

/// One tender, imported again and again (an update after the first).
fn tender_package() -> Value {
    json!({"uri": "https://example.org/soak", "version": "1.1",
        "publishedDate": "2026-12-01T09:00:00Z",
        "releases": [{"ocid": "ocds-b5fd17-soak-1", "id": "ocds-b5fd17-soak-1-1",
            "date": "2026-12-01T09:00:00Z", "tag": ["tender"], "initiationType": "tender",
            "buyer": {"id": "GB-SOAK", "name": "A council"},
            "tender": {"id": "soak-1", "title": "Hosting and support", "status": "active",
                "classification": {"scheme": "CPV", "id": "72413000"},
                "value": {"amount": 50000, "currency": "GBP"},
                "tenderPeriod": {"endDate": "2027-09-30T12:00:00Z"}}}]})
}
