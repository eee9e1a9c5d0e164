//! Load from an established generator: oha (crates.io, pinned and installed
//! by `.ci/bench-tools`), reading URLs from a file, JSON out. No home-made
//! HTTP loop measures anything here.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;
use serde_json::Value;

/// One load run's figures.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Figures {
    /// Median latency, milliseconds.
    pub p50_ms: f64,
    /// 90th percentile.
    pub p90_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest.
    pub max_ms: f64,
    /// Requests answered per second.
    pub rps: f64,
    /// Answers other than 2xx, and requests that got no answer.
    pub errors: u64,
}

/// How to load a server.
#[derive(Debug, Clone)]
pub struct Load<'a> {
    /// oha's executable.
    pub oha: &'a Path,
    /// One URL per line, taken in turn.
    pub urls: &'a Path,
    /// Connections at once.
    pub concurrency: u32,
    /// How long.
    pub seconds: u32,
    /// A fixed rate (requests per second) instead of as fast as it goes.
    pub rate: Option<u32>,
    /// A method other than GET, with its JSON body.
    pub write: Option<(&'a str, &'a str)>,
    /// Headers sent with every request (`Name: value`).
    pub headers: &'a [String],
}

/// The oha to use: `COOPHUB_OHA`, else `oha` on the `PATH`.
pub fn oha() -> PathBuf {
    std::env::var_os("COOPHUB_OHA").map_or_else(|| PathBuf::from("oha"), PathBuf::from)
}

impl<'a> Load<'a> {
    /// GETs of `urls` in turn at `concurrency` for `seconds`, as fast as
    /// they go.
    pub fn reads(oha: &'a Path, urls: &'a Path, concurrency: u32, seconds: u32) -> Self {
        Self {
            oha,
            urls,
            concurrency,
            seconds,
            rate: None,
            write: None,
            headers: &[],
        }
    }

    /// Runs the load and reads oha's summary.
    pub fn run(&self) -> anyhow::Result<Figures> {
        let mut command = Command::new(self.oha);
        command
            .args(["--no-tui", "--output-format", "json", "--urls-from-file"])
            .args(["-c", &self.concurrency.to_string()])
            .args(["-z", &format!("{}s", self.seconds)]);
        if let Some(rate) = self.rate {
            command.args(["-q", &rate.to_string(), "--latency-correction"]);
        }
        if let Some((method, body)) = self.write {
            command.args(["-m", method, "-d", body, "-T", "application/json"]);
        }
        for header in self.headers {
            command.args(["-H", header]);
        }
        let output = command
            .arg(self.urls)
            .output()
            .with_context(|| format!("cannot run {} (see .ci/bench-tools)", self.oha.display()))?;
        anyhow::ensure!(
            output.status.success(),
            "oha failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report: Value = serde_json::from_slice(&output.stdout)?;
        Ok(figures(&report))
    }
}

fn figures(report: &Value) -> Figures {
    let seconds = |v: &Value| v.as_f64().unwrap_or(f64::NAN) * 1000.0;
    let percentiles = &report["latencyPercentiles"];
    let statuses = report["statusCodeDistribution"].as_object();
    let failed_statuses: u64 = statuses
        .into_iter()
        .flatten()
        .filter(|(code, _)| !code.starts_with('2'))
        .map(|(_, n)| n.as_u64().unwrap_or(0))
        .sum();
    let failed_requests: u64 = report["errorDistribution"]
        .as_object()
        .into_iter()
        .flatten()
        // oha cuts off requests still running at the deadline; not a failure.
        .filter(|(error, _)| !error.contains("aborted due to deadline"))
        .map(|(_, n)| n.as_u64().unwrap_or(0))
        .sum();
    Figures {
        p50_ms: seconds(&percentiles["p50"]),
        p90_ms: seconds(&percentiles["p90"]),
        p99_ms: seconds(&percentiles["p99"]),
        max_ms: seconds(&report["summary"]["slowest"]),
        rps: report["summary"]["requestsPerSec"].as_f64().unwrap_or(0.0),
        errors: failed_statuses + failed_requests,
    }
}

/// Writes `urls` to `file`, loads them for `seconds` at `concurrency`, and
/// keeps the figures in `summary` under `name`.
pub fn over_urls(
    summary: &mut crate::report::Summary,
    name: &str,
    urls: &[String],
    file: &Path,
    (concurrency, seconds): (u32, u32),
) -> anyhow::Result<Figures> {
    std::fs::write(file, urls.join("\n") + "\n")?;
    let figures = Load::reads(&oha(), file, concurrency, seconds).run()?;
    Ok(summary.record(name, figures))
}
